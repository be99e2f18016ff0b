import { describe, expect, it } from 'vitest';
import { describeDiff, describeStale, diffPortals } from './diff.js';
import type { DraftConfig, ServiceInfo } from './types.js';

const info = (name: string, title: string, props: Record<string, unknown> = {}): ServiceInfo => ({
  name,
  version: '0.1.0',
  kind: 'widget',
  title: { 'zh-CN': title },
  contributes: [],
  configSchema: { type: 'object', properties: props },
  configDefaults: null,
});
const services = {
  '@yiyuan/waste-pickup': info('@yiyuan/waste-pickup', '垃圾分类预约', {
    heading: { type: 'string', description: '页面标题' },
  }),
  '@deqing/find-machinery': info('@deqing/find-machinery', '找农机'),
  '@cunmen/complaints': info('@cunmen/complaints', '接诉即办'),
};
const w = (name: string, version = '0.1.0', config = {}, order = 10) => ({
  name,
  version,
  config,
  placements: [{ slot: 'village.home.tile/v1' as const, order }],
});
const base: DraftConfig = {
  village: '330521107201',
  theme: { elderlyByDefault: false },
  widgets: [w('@deqing/find-machinery'), w('@yiyuan/waste-pickup'), w('@cunmen/complaints')],
};

describe('diffPortals', () => {
  it('is empty for the same portal', () => {
    expect(diffPortals(base, structuredClone(base), services)).toEqual({
      added: [],
      removed: [],
      changed: [],
      portal: [],
    });
  });

  it('names services added, removed and changed, the settings by their label, and portal settings', () => {
    const after: DraftConfig = {
      ...base,
      title: { 'zh-CN': '仙潭村' },
      theme: { primary: '#8a1c1c', elderlyByDefault: true },
      widgets: [
        w('@deqing/find-machinery', '0.2.0', {}, 20),
        w('@yiyuan/waste-pickup', '0.1.0', { heading: '仙潭垃圾预约', notice: '' }),
        w('@cunmen/affairs-disclosure'),
      ],
    };
    const diff = diffPortals(base, after, {
      ...services,
      '@cunmen/affairs-disclosure': info('@cunmen/affairs-disclosure', '三务公开'),
    });
    expect(diff.added).toEqual([{ name: '@cunmen/affairs-disclosure', title: '三务公开', version: '0.1.0' }]);
    expect(diff.removed).toEqual([{ name: '@cunmen/complaints', title: '接诉即办', version: '0.1.0' }]);
    expect(diff.changed).toEqual([
      {
        name: '@deqing/find-machinery',
        title: '找农机',
        settings: [],
        placed: true,
        version: { from: '0.1.0', to: '0.2.0' },
      },
      { name: '@yiyuan/waste-pickup', title: '垃圾分类预约', settings: ['heading', 'notice'], placed: false },
    ]);
    expect(describeDiff(diff, services)).toEqual([
      '新增服务“三务公开”（0.1.0 版）',
      '移除服务“接诉即办”',
      '“找农机”从 0.1.0 版升级到 0.2.0 版，调整了位置',
      '“垃圾分类预约”修改设置：页面标题、notice',
      '门户名称：（未设置） → 仙潭村',
      '主题颜色：（未设置） → #8a1c1c',
      '默认长辈版：否 → 是',
    ]);
  });
});

describe('describeStale', () => {
  it('says in Chinese what others published since the draft began', () => {
    expect(
      describeStale(
        {
          base: 3,
          current: 5,
          versions: [4, 5],
          added: ['@yiyuan/waste-pickup@0.1.0'],
          removed: ['@cunmen/complaints@0.1.0'],
          changed: [{ name: '@deqing/find-machinery', what: ['config', 'placements'] }],
          portal: ['theme'],
        },
        services,
      ),
    ).toEqual([
      '您开始修改时是第 3 版，现在已发布第 5 版',
      '别人新增了服务“垃圾分类预约”',
      '别人移除了服务“接诉即办”',
      '别人修改了“找农机”的设置、位置',
      '别人修改了门户名称或主题颜色',
    ]);
  });
});
