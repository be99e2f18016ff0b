// @vitest-environment happy-dom
/**
 * The browser's half of payload v2 and key pinning: every field the server took from the release
 * (contributions, config schema, shared and SDK ranges, kind, title, remote name) is covered, a
 * placement must be a signed contribution, and the key is the one the page carries from the shell's
 * configuration — never the snapshot's own `publicKey`.
 */
import type { SnapshotWidget } from '@cunmen/manifest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { injectSnapshot, makeKeys, makeSnapshot } from '../../test/snapshot-fixture.js';
import { testWidget } from '../../test/widgets.js';
import { boot } from '../boot.js';
import { removeScriptGuard } from '../federation/integrity.js';
import { readProvinceKey, readSnapshot } from '../snapshot.js';
import { checkWidget, checkWidgets, decodePublicKey } from './verify.js';

const keys = makeKeys();
const key = decodePublicKey(keys.publicKey);
const widget = testWidget(keys, '@deqing/find-machinery');
const manifest = widget.manifest as Record<string, unknown> & { contributes: Record<string, unknown>[] };

const withManifest = (change: Record<string, unknown>): SnapshotWidget => ({
  ...widget,
  manifest: { ...manifest, ...change },
});

describe('payload v2 in the browser', () => {
  it('accepts the widget as signed', () => {
    expect(checkWidget(widget, key)).toEqual({ ok: true });
  });

  it.each<[string, SnapshotWidget]>([
    [
      'contributes',
      withManifest({
        contributes: manifest.contributes.map((c, i) => (i === 0 ? { ...c, expose: './Evil' } : c)),
      }),
    ],
    ['configSchema', withManifest({ configSchema: { type: 'object' } })],
    ['shared', withManifest({ shared: { react: '>=18' } })],
    ['sdk', withManifest({ sdk: '*' })],
    ['requested capabilities', withManifest({ requested: ['store.read', 'user.read'] })],
    ['kind', { ...widget, kind: 'standard' }],
    ['title', { ...widget, title: { 'zh-CN': '领补贴' } }],
    ['remote name', { ...widget, remote: { ...widget.remote, name: 'evil' } }],
  ])('refuses a widget whose %s changed after signing', (_field, tampered) => {
    expect(checkWidget(tampered, key)).toMatchObject({ ok: false, code: 'SHELL_ERR_WIDGET_SIGNATURE' });
  });

  it.each<[string, SnapshotWidget['placements']]>([
    ['an expose', widget.placements.map((p, i) => (i === 0 ? { ...p, expose: './Admin' } : p))],
    ['a route', widget.placements.map((p, i) => (i === 1 ? { ...p, route: 'pay' } : p))],
    ['a title', widget.placements.map((p, i) => (i === 1 ? { ...p, title: { 'zh-CN': '领补贴' } } : p))],
  ])('refuses a placement with %s the signed contributions do not offer', (_what, placements) => {
    expect(checkWidget({ ...widget, placements }, key)).toMatchObject({
      ok: false,
      code: 'SHELL_ERR_WIDGET_SIGNATURE',
      detail: expect.stringMatching(/not one of the signed contributions/),
    });
  });

  it('refuses a widget of a snapshot made before v2 (no signed manifest)', () => {
    const { manifest: _m, ...old } = widget;
    expect(checkWidget(old, key)).toMatchObject({
      ok: false,
      code: 'SHELL_ERR_WIDGET_SIGNATURE',
      detail: expect.stringMatching(/predates signature v2/),
    });
  });
});

describe('the pinned key comes from the page, not the snapshot', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    removeScriptGuard(document);
  });

  const page = (pinned: string | null, snapshotKey: string) => {
    const snapshot = makeSnapshot(keys, [widget], { publicKey: snapshotKey });
    const html = injectSnapshot('<head><!--cunmen:snapshot--></head><body></body>', snapshot, pinned ?? '');
    document.documentElement.innerHTML =
      pinned === null ? html.replace(/<meta name="cunmen-province-key"[^>]*>/, '') : html;
  };

  it('reads the key from the meta the server writes', () => {
    page(keys.publicKey, makeKeys().publicKey);
    expect(readProvinceKey(document)).toBe(keys.publicKey);
    page(null, keys.publicKey);
    expect(readProvinceKey(document)).toBe('');
  });

  it.each([
    ['missing', null, 0],
    ['another key (every widget refused)', makeKeys().publicKey, 0],
    ['the province key', keys.publicKey, 1],
  ])('with the page key %s', async (_case, pinned, accepted) => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    // The snapshot always names the right key: it must not matter.
    page(pinned, keys.publicKey);
    const read = readSnapshot(document);
    if (!read.ok) throw new Error(read.code);
    expect(checkWidgets(read.snapshot.widgets, readProvinceKey(document)).accepted).toHaveLength(accepted);
    const started = boot(document, '/v/330521001001', { afterPaint: (task) => task() });
    if (!started.ok) throw new Error(started.code);
    const loaded = await started.federation.load(started.snapshot.widgets[0] as SnapshotWidget, './Tile');
    if (accepted === 0) expect(loaded).toMatchObject({ ok: false, refused: 'SHELL_ERR_WIDGET_SIGNATURE' });
  });
});
