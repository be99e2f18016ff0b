// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { injectSnapshot, makeKeys, makeSnapshot } from '../test/snapshot-fixture.js';
import { testWidget } from '../test/widgets.js';
import { boot } from './boot.js';
import { removeScriptGuard } from './federation/integrity.js';

const keys = makeKeys();
const base = '/v/330521001001';

/** The credential exchange answering with no credentials (these tests are about loading). */
const exchanged = (async () =>
  new Response(JSON.stringify({ credentials: {}, user: null }), {
    headers: { 'content-type': 'application/json' },
  })) as typeof fetch;

function page(snapshot: unknown) {
  document.documentElement.innerHTML = injectSnapshot(
    '<head><!--cunmen:snapshot--></head><body></body>',
    snapshot,
  );
}

describe('boot', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    // boot installs the window's script guard for the page; each test boots a new page.
    removeScriptGuard(document);
  });

  it('preloads the home tiles before the signature checks, which run after the first paint', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const good = testWidget(keys, '@deqing/good');
    const tampered = { ...testWidget(keys, '@deqing/tampered'), capabilities: ['store.write' as const] };
    page(makeSnapshot(keys, [good, tampered]));
    window.history.replaceState(null, '', `${base}/`);
    const tasks: (() => void)[] = [];
    const started = boot(document, base, { afterPaint: (task) => tasks.push(task), fetch: exchanged });
    if (!started.ok) throw new Error(started.code);
    // Entry, Tile chunk and shared chunk of both tiles; never a manifest, a page or the cadre chunk.
    expect(started.preloaded).toHaveLength(6);
    expect(started.preloaded.every((u) => /remoteEntry\.js$|_Tile\.|shared\./.test(u))).toBe(true);
    // The loader takes the widgets of the snapshot boot parsed (the portal renders exactly those).
    const parsed = started.snapshot.widgets[1];
    if (!parsed) throw new Error('no widget');
    const refused = started.federation.load(parsed, './Tile');
    expect(tasks).toHaveLength(1);
    expect(warn).not.toHaveBeenCalled();
    tasks[0]?.();
    await expect(refused).resolves.toEqual({
      ok: false,
      error: 'SHELL_ERR_WIDGET_SIGNATURE',
      refused: 'SHELL_ERR_WIDGET_SIGNATURE',
    });
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([
      expect.stringMatching(/^\[cunmen\] SHELL_ERR_WIDGET_SIGNATURE: .*@deqing\/tampered@1\.0\.0.*\/docs\//),
    ]);
  });

  it('loads a yanked widget the portal pins, with a warning in the console (the one yank policy)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const yanked = testWidget(keys, '@deqing/yanked', {
      override: { yanked: { at: '2026-12-02T08:00:00.000Z', reason: '泄露手机号' } },
    });
    page(makeSnapshot(keys, [yanked]));
    window.history.replaceState(null, '', `${base}/`);
    const tasks: (() => void)[] = [];
    const started = boot(document, base, { afterPaint: (task) => tasks.push(task), fetch: exchanged });
    if (!started.ok) throw new Error(started.code);
    const trusted = started.trusted();
    tasks[0]?.();
    // Accepted: its signed assets are allowed (a refused widget's would not be).
    expect((await trusted).assetsOf('@deqing/yanked').length).toBeGreaterThan(0);
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([
      expect.stringMatching(/^\[cunmen\] SHELL_ERR_WIDGET_YANKED: .*@deqing\/yanked@1\.0\.0.*泄露手机号/),
    ]);
  });

  it('preloads the page a deep link opens, not the home tiles', () => {
    page(makeSnapshot(keys, [testWidget(keys, '@deqing/good'), testWidget(keys, '@deqing/other')]));
    window.history.replaceState(null, '', `${base}/p/other`);
    const started = boot(document, base, { afterPaint: () => undefined, fetch: exchanged });
    expect(started.ok && started.preloaded.map((u) => u.replace(/^.*\/assets\//, ''))).toEqual([
      'other/remoteEntry.js',
      'other/static/js/async/__federation_expose_Page.def.js',
      'other/static/js/async/shared.123.js',
    ]);
  });

  it('answers an invalid snapshot with its code (the error page shows it)', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    page({ schemaVersion: 1 });
    expect(boot(document, base)).toEqual({ ok: false, code: 'SHELL_ERR_SNAPSHOT_INVALID' });
  });
});
