import { describe, expect, it } from 'vitest';
import { portalSnapshotSchema, type SnapshotWidget } from './snapshot.js';

const widget = {
  name: '@deqing/find-machinery',
  version: '1.0.0',
  kind: 'widget',
  title: { 'zh-CN': '找农机', en: 'Find machinery' },
  remote: {
    name: 'deqing_find_machinery',
    entry: 'https://r.example/-/assets/abc/remoteEntry.js',
    entryIntegrity: 'sha384-x',
  },
  assets: { 'remoteEntry.js': 'sha384-x' },
  assetBase: 'https://r.example/-/assets/abc/',
  capabilities: ['store.read'],
  signature: 'c2lnbmF0dXJl',
  config: { radiusKm: 5 },
  placements: [{ slot: 'village.home.tile/v1', expose: './Tile', order: 1, icon: 'tractor' }],
  deprecated: null,
  yanked: null,
} satisfies SnapshotWidget;

const good = {
  schemaVersion: 1,
  village: { code: '330521107201', name: '仙潭村', township: '莫干山镇', county: '德清县' },
  portalVersion: 3,
  generatedAt: '2026-12-01T00:00:00.000Z',
  host: { sdk: '0.1.0', shared: { react: '19.3.1' } },
  publicKey: 'cHVibGlj',
  theme: { primary: '#8a1c1c', elderlyByDefault: false },
  widgets: [widget],
};

const withWidget = (fields: Record<string, unknown>) => ({ ...good, widgets: [{ ...widget, ...fields }] });

describe('the portal snapshot schema (zod/mini, shared by server and browser)', () => {
  it('accepts a snapshot and fills the defaults of an older one', () => {
    expect(portalSnapshotSchema.parse(good)).toEqual(good);
    const { deprecated: _d, yanked: _y, ...older } = widget;
    const parsed = portalSnapshotSchema.parse({ ...good, theme: {}, widgets: [older] });
    expect(parsed.theme).toEqual({ elderlyByDefault: false });
    expect(parsed.widgets[0]).toMatchObject({ deprecated: null, yanked: null });
    const placement = portalSnapshotSchema.parse(
      withWidget({ placements: [{ slot: 'village.page/v1', expose: './Page', route: 'p' }] }),
    ).widgets[0]?.placements[0];
    expect(placement?.order).toBe(100);
  });

  it('reads an empty signature as an unsigned widget, for the trust check to refuse, not as invalid', () => {
    expect(portalSnapshotSchema.parse(withWidget({ signature: '' })).widgets[0]?.signature).toBe('');
  });

  it('carries the yank state', () => {
    const yanked = { at: '2026-12-02T08:00:00.000Z', reason: '泄露手机号' };
    expect(portalSnapshotSchema.parse(withWidget({ yanked })).widgets[0]?.yanked).toEqual(yanked);
    expect(portalSnapshotSchema.safeParse(withWidget({ yanked: { reason: 'x' } })).success).toBe(false);
  });

  it.each([
    ['another schema version', { ...good, schemaVersion: 2 }],
    ['an unknown field', { ...good, extra: true }],
    ['a city code as village', { ...good, village: { ...good.village, code: '330500001001' } }],
    ['an 11-digit village code', { ...good, village: { ...good.village, code: '33052100100' } }],
    ['an unscoped package name', withWidget({ name: 'no-scope' })],
    ['a version range', withWidget({ version: '^1.0.0' })],
    ['an asset base that is no URL', withWidget({ assetBase: 'not a url' })],
    [
      'a remote entry that is not http(s)',
      withWidget({ remote: { ...widget.remote, entry: 'javascript:alert(1)' } }),
    ],
    ['an asset base on a data: URL', withWidget({ assetBase: 'data:text/javascript,1' })],
    ['an unknown capability', withWidget({ capabilities: ['root'] })],
    ['an order above 1000', withWidget({ placements: [{ slot: 'village.home.tile/v1', order: 1001 }] })],
    ['an unknown slot', withWidget({ placements: [{ slot: 'village.banner/v1' }] })],
    ['a blank title', withWidget({ title: { 'zh-CN': '  ' } })],
    ['a signature that is no string', withWidget({ signature: 0 })],
    ['a colour name', { ...good, theme: { primary: 'red' } }],
    ['a fractional portal version', { ...good, portalVersion: 1.5 }],
    ['null', null],
    ['an array', []],
  ])('refuses %s', (_what, value) => {
    expect(portalSnapshotSchema.safeParse(value).success).toBe(false);
  });
});
