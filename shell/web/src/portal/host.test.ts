import { createElderlyMode, createEventHub } from '@cunmen/sdk';
import { describe, expect, it, vi } from 'vitest';
import { makeKeys, makeSnapshot } from '../../test/snapshot-fixture.js';
import { testWidget } from '../../test/widgets.js';
import { createWidgetHost, TOKEN_PATH, villageOf } from './host.js';

const keys = makeKeys();
const widget = testWidget(keys, '@deqing/find-machinery');
const snapshot = makeSnapshot(keys, [widget]);

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

describe('widget host', () => {
  it('gives the widget its granted capabilities, village and config', () => {
    const host = createWidgetHost(
      {
        snapshot,
        locale: 'zh-CN',
        elderly: createElderlyMode(),
        hub: createEventHub(),
        navigate: () => undefined,
      },
      widget,
    );
    expect(host.widget).toEqual({ name: widget.name, version: '1.0.0', capabilities: ['store.read'] });
    expect(villageOf(snapshot)).toEqual({
      code: '330521001001',
      name: '东衡村',
      township: { code: '330521001', name: '洛舍镇' },
      county: { code: '330521', name: '德清县' },
    });
    expect(() => host.events.publish('x' as 'navigation', { to: '/' })).toThrow();
  });

  it('asks /api/host/v1/widget-token once, then calls the host API with that bearer token', async () => {
    const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
      if (String(url) === TOKEN_PATH) {
        expect(JSON.parse(String(init?.body))).toEqual({
          village: '330521001001',
          widget: widget.name,
          version: '1.0.0',
        });
        return json(200, { token: 'tok-1', expiresAt: new Date(Date.now() + 600_000).toISOString() });
      }
      expect(new Headers(init?.headers).get('authorization')).toBe('Bearer tok-1');
      return json(200, { items: [], nextCursor: null });
    });
    const host = createWidgetHost(
      {
        snapshot,
        locale: 'zh-CN',
        elderly: createElderlyMode(),
        hub: createEventHub(),
        navigate: () => undefined,
        fetch: fetch as unknown as typeof globalThis.fetch,
      },
      widget,
    );
    await host.api.store.list('owners');
    await host.api.store.list('owners');
    expect(fetch.mock.calls.map((c) => String(c[0]))).toEqual([
      TOKEN_PATH,
      '/api/host/v1/store/owners?limit=20',
      '/api/host/v1/store/owners?limit=20',
    ]);
  });

  it("answers me() from the page's credential exchange for user.read widgets only: `me` once a page", async () => {
    const reader = testWidget(keys, '@deqing/waste-pickup', {
      override: { capabilities: ['store.read', 'user.read'] },
    });
    const user = { id: 'u-1', displayName: '张*', role: 'resident' as const };
    const fetch = vi.fn(async (url: string | URL | Request) => {
      if (String(url).endsWith('/me'))
        return json(403, { code: 'HOST_ERR_CAPABILITY', error: 'no user.read' });
      return json(200, { items: [], nextCursor: null });
    });
    const credentials = {
      ready: Promise.resolve(),
      user: Promise.resolve(user),
      sourceFor: () => () => Promise.resolve('tok-page'),
    };
    const options = {
      snapshot: makeSnapshot(keys, [widget, reader]),
      locale: 'zh-CN' as const,
      elderly: createElderlyMode(),
      hub: createEventHub(),
      navigate: () => undefined,
      fetch: fetch as unknown as typeof globalThis.fetch,
      credentials,
    };
    const first = createWidgetHost(options, reader);
    const second = createWidgetHost(options, reader);
    expect(await first.api.me()).toEqual(user);
    expect(await second.api.me()).toEqual(user);
    expect(fetch).not.toHaveBeenCalled();
    // Without the grant the widget still asks the server, which refuses it.
    await expect(createWidgetHost(options, widget).api.me()).rejects.toThrow();
    expect(fetch.mock.calls.map((c) => String(c[0]))).toEqual(['/api/host/v1/me']);
  });

  it('a missing token endpoint becomes an SDK network error the widget can show', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const host = createWidgetHost(
      {
        snapshot,
        locale: 'zh-CN',
        elderly: createElderlyMode(),
        hub: createEventHub(),
        navigate: () => undefined,
        fetch: (async () => json(404, { code: 'SHELL_ERR_NOT_FOUND' })) as typeof globalThis.fetch,
      },
      widget,
    );
    await expect(host.api.store.list('owners')).rejects.toMatchObject({ code: 'SDK_ERR_NETWORK' });
    expect(warn.mock.calls[0]?.[0]).toContain('SHELL_ERR_CREDENTIAL');
    warn.mockRestore();
  });
});
