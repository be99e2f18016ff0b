import { describe, expect, it } from 'vitest';
import {
  configureService,
  entriesOf,
  moveEntry,
  NAV,
  PAGE,
  removeService,
  TILE,
  upgradeService,
} from './layout.js';
import type { DraftConfig, ServiceInfo } from './types.js';

const placed = (name: string, route: string, tile: number, nav: number) => ({
  name,
  version: '0.1.0',
  config: {},
  placements: [
    { slot: TILE, expose: './Tile', order: tile },
    { slot: PAGE, expose: './Page', route, order: 100 },
    { slot: NAV, route, order: nav },
    { slot: 'cadre.page/v1' as const, expose: './Admin', route, order: 100 },
  ],
});

const config: DraftConfig = {
  village: '330521107201',
  theme: { elderlyByDefault: false },
  widgets: [
    placed('@deqing/find-machinery', 'find-machinery', 30, 10),
    placed('@cunmen/affairs-disclosure', 'affairs-disclosure', 10, 20),
    placed('@yiyuan/waste-pickup', 'waste-pickup', 20, 20),
  ],
};

const services: Record<string, ServiceInfo> = {
  '@yiyuan/waste-pickup': {
    name: '@yiyuan/waste-pickup',
    version: '0.1.0',
    kind: 'widget',
    title: { 'zh-CN': '垃圾分类预约' },
    contributes: [{ slot: NAV, route: 'waste-pickup', title: { 'zh-CN': '垃圾预约' } }],
    configSchema: null,
    configDefaults: null,
  },
};

const names = (c: DraftConfig, slot: typeof TILE | typeof NAV) => entriesOf(c, slot, {}).map((e) => e.name);

describe('the portal as residents see it', () => {
  it('orders tiles and entries by order, then by widget (as the resident app), pages by route', () => {
    expect(names(config, TILE)).toEqual([
      '@cunmen/affairs-disclosure',
      '@yiyuan/waste-pickup',
      '@deqing/find-machinery',
    ]);
    // Equal orders: by package name and placement, as shell/web's layoutOf sorts them.
    expect(names(config, NAV)).toEqual([
      '@deqing/find-machinery',
      '@cunmen/affairs-disclosure',
      '@yiyuan/waste-pickup',
    ]);
    expect(entriesOf(config, PAGE, {}).map((e) => e.route)).toEqual([
      'affairs-disclosure',
      'find-machinery',
      'waste-pickup',
    ]);
  });

  it('names each entry as residents read it: the contribution’s title, else the service’s, else the package', () => {
    const nav = entriesOf(config, NAV, services);
    expect(nav.map((e) => e.title)).toEqual([
      '@deqing/find-machinery',
      '@cunmen/affairs-disclosure',
      '垃圾预约',
    ]);
    expect(entriesOf(config, TILE, services)[1]?.title).toBe('垃圾分类预约');
  });
});

describe('moveEntry', () => {
  it('moves a tile down and renumbers the tiles only', () => {
    const moved = moveEntry(config, TILE, 0, 2);
    expect(names(moved, TILE)).toEqual([
      '@yiyuan/waste-pickup',
      '@deqing/find-machinery',
      '@cunmen/affairs-disclosure',
    ]);
    expect(entriesOf(moved, TILE, {}).map((e) => e.order)).toEqual([10, 20, 30]);
    expect(names(moved, NAV)).toEqual(names(config, NAV));
    expect(moved.widgets.map((w) => w.placements[1])).toEqual(config.widgets.map((w) => w.placements[1]));
  });

  it('moves a navigation entry up by one', () => {
    expect(names(moveEntry(config, NAV, 2, 1), NAV)).toEqual([
      '@deqing/find-machinery',
      '@yiyuan/waste-pickup',
      '@cunmen/affairs-disclosure',
    ]);
  });

  it.each([
    [0, 0],
    [-1, 0],
    [0, 3],
    [5, 1],
  ])('leaves the config as it is for a move from %i to %i', (from, to) => {
    expect(moveEntry(config, TILE, from, to)).toBe(config);
  });
});

describe('one-service edits', () => {
  it('removes a service with everything it placed, keeping the others untouched', () => {
    const out = removeService(config, '@yiyuan/waste-pickup');
    expect(out.widgets.map((w) => w.name)).toEqual(['@deqing/find-machinery', '@cunmen/affairs-disclosure']);
    expect(out.widgets[0]).toBe(config.widgets[0]);
  });

  it('replaces one service’s settings and pins one to another version', () => {
    const out = upgradeService(
      configureService(config, '@yiyuan/waste-pickup', { heading: '预约' }),
      '@yiyuan/waste-pickup',
      '0.2.0',
    );
    expect(out.widgets[2]).toMatchObject({ config: { heading: '预约' }, version: '0.2.0' });
    expect(out.widgets[0]).toBe(config.widgets[0]);
  });
});
