/** Small signed snapshot widgets for unit and component tests (no build needed). */
import type { SnapshotWidget } from '@cunmen/manifest';
import { signWidget, type TestKeys } from './snapshot-fixture.js';

const SRI = (n: number) => `sha384-${String(n).repeat(64).slice(0, 64)}`;

export function testWidget(
  keys: TestKeys,
  name: string,
  options: { order?: number; route?: string; title?: string; override?: Partial<SnapshotWidget> } = {},
): SnapshotWidget {
  const short = name.split('/')[1] ?? name;
  const assetBase = `https://assets.example/-/assets/${short}/`;
  const route = options.route ?? short;
  const base: Omit<SnapshotWidget, 'signature'> = {
    name,
    version: '1.0.0',
    kind: 'widget',
    title: { 'zh-CN': options.title ?? short, en: short },
    remote: { name: short.replace(/-/g, '_'), entry: `${assetBase}remoteEntry.js`, entryIntegrity: SRI(1) },
    assets: {
      'remoteEntry.js': SRI(1),
      'mf-manifest.json': SRI(2),
      'static/js/async/__federation_expose_Tile.abc.js': SRI(3),
      'static/js/async/__federation_expose_Page.def.js': SRI(4),
      'static/js/async/__federation_expose_Admin.fed.js': SRI(5),
      'static/js/async/shared.123.js': SRI(6),
    },
    assetBase,
    capabilities: ['store.read'],
    config: {},
    placements: [
      { slot: 'village.home.tile/v1', expose: './Tile', order: options.order ?? 100 },
      {
        slot: 'village.page/v1',
        expose: './Page',
        route,
        title: { 'zh-CN': `${options.title ?? short}页` },
        order: 100,
      },
      {
        slot: 'village.nav/v1',
        route,
        title: { 'zh-CN': `${options.title ?? short}导航` },
        order: options.order ?? 100,
      },
      { slot: 'cadre.page/v1', expose: './Admin', route, title: { 'zh-CN': '管理' }, order: 100 },
    ],
    deprecated: null,
    yanked: null,
    ...options.override,
  };
  // The signed manifest view offers exactly the placements (as the server resolves them from it).
  base.manifest ??= {
    sdk: '^0.1.0',
    shared: {},
    exposes: {},
    contributes: base.placements.map(({ slot, expose, route, title, icon }) => ({
      slot,
      expose,
      route,
      title,
      icon,
    })),
    configSchema: null,
    configDefaults: null,
    requested: [...base.capabilities],
  };
  return { ...base, signature: signWidget(keys, base) };
}
