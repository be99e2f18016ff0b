// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { injectSnapshot, makeKeys, makeSnapshot } from '../../test/snapshot-fixture.js';
import { testWidget } from '../../test/widgets.js';
import { boot } from '../boot.js';
import { exchangePageCredentials, WIDGET_TOKEN_PATH, WIDGET_TOKENS_PATH } from './credentials.js';

const keys = makeKeys();
const a = testWidget(keys, '@deqing/a');
const b = testWidget(keys, '@deqing/b');
const soon = (ms: number) => new Date(Date.now() + ms).toISOString();

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

describe('the page load credential exchange', () => {
  afterEach(() => vi.restoreAllMocks());

  it('asks once for every widget, and each source yields only its own widget credential', async () => {
    const fetch = vi.fn(async (_url: string | URL | Request, _init?: RequestInit) =>
      json(200, {
        credentials: {
          [a.name]: { version: '1.0.0', token: 'tok-a', expiresAt: soon(600_000) },
          [b.name]: { version: '1.0.0', token: 'tok-b', expiresAt: soon(600_000) },
        },
        user: null,
      }),
    );
    const page = exchangePageCredentials({
      village: '330521001001',
      fetch: fetch as typeof globalThis.fetch,
    });
    expect(await Promise.all([page.sourceFor(a)(), page.sourceFor(b)()])).toEqual(['tok-a', 'tok-b']);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(String(fetch.mock.calls[0]?.[0])).toBe(WIDGET_TOKENS_PATH);
    expect(JSON.parse(String(fetch.mock.calls[0]?.[1]?.body))).toEqual({ village: '330521001001' });
    // A second source for the same widget (another host asking) gets nothing: the credential left the
    // shared answer when its widget's source took it.
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(page.sourceFor(a)()).rejects.toMatchObject({ code: 'SDK_ERR_NETWORK' });
  });

  it('renews a credential near its expiry by presenting it, never by naming a widget', async () => {
    const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
      if (String(url) === WIDGET_TOKENS_PATH) {
        return json(200, {
          credentials: { [a.name]: { version: '1.0.0', token: 'old', expiresAt: soon(10_000) } },
          user: null,
        });
      }
      expect(String(url)).toBe(WIDGET_TOKEN_PATH);
      expect(new Headers(init?.headers).get('authorization')).toBe('Bearer old');
      expect(JSON.parse(String(init?.body))).toEqual({});
      return json(200, { token: 'new', expiresAt: soon(600_000) });
    });
    const page = exchangePageCredentials({
      village: '330521001001',
      fetch: fetch as typeof globalThis.fetch,
    });
    const source = page.sourceFor(a);
    expect(await source()).toBe('new');
    expect(await source()).toBe('new');
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('a refused exchange (a used ticket) becomes an SDK network error for every widget', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const fetch = async () => json(403, { code: 'SHELL_ERR_TICKET_USED' });
    const page = exchangePageCredentials({ village: '330521001001', fetch });
    await expect(page.sourceFor(a)()).rejects.toMatchObject({ code: 'SDK_ERR_NETWORK' });
    expect(warn.mock.calls.map((c) => String(c[0])).join('\n')).toContain('SHELL_ERR_TICKET_USED');
  });

  it('boot starts the exchange before any widget loads, and loading waits for its answer', async () => {
    document.documentElement.innerHTML = injectSnapshot(
      '<head><!--cunmen:snapshot--></head><body></body>',
      makeSnapshot(keys, [a]),
    );
    window.history.replaceState(null, '', '/v/330521001001/');
    let answer: (response: Response) => void = () => undefined;
    const fetch = vi.fn(() => new Promise<Response>((resolve) => (answer = resolve)));
    const started = boot(document, '/v/330521001001', {
      afterPaint: (task) => task(),
      fetch: fetch as unknown as typeof globalThis.fetch,
    });
    if (!started.ok) throw new Error(started.code);
    expect(fetch).toHaveBeenCalledTimes(1);
    const widget = started.snapshot.widgets[0];
    if (!widget) throw new Error('no widget');
    let settled = false;
    const loading = started.federation.load(widget, './Tile').finally(() => {
      settled = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);
    answer(json(200, { credentials: {}, user: null }));
    await loading.catch(() => undefined);
    expect(settled).toBe(true);
  });
});
