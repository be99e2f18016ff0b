import { describe, expect, it } from 'vitest';
import { ICON_NAMES, ICONS, isIconName } from './icons.js';
import { formatIssues } from './issues.js';
import { validateWidgetManifest } from './validate.js';

const pkg = { name: '@deqing/find-machinery', version: '1.0.0' };

function withNavIcon(icon: unknown) {
  return {
    kind: 'widget',
    county: '330521',
    title: { 'zh-CN': '找农机' },
    description: { 'zh-CN': '查找本村农机手，一键拨打电话' },
    category: 'agriculture',
    sdk: '^0.1.0',
    exposes: { './Tile': './src/tile/index.tsx', './Page': './src/page/index.tsx' },
    contributes: [
      { slot: 'village.home.tile/v1', expose: './Tile', icon },
      { slot: 'village.page/v1', expose: './Page', route: 'find-machinery', title: { 'zh-CN': '找农机' } },
      { slot: 'village.nav/v1', route: 'find-machinery', title: { 'zh-CN': '农机' }, icon },
    ],
  };
}

describe('icon names', () => {
  it('every icon has a zh-CN and an English name, and names are kebab-case', () => {
    expect(ICON_NAMES.length).toBeGreaterThanOrEqual(20);
    for (const name of ICON_NAMES) {
      expect(name).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(ICONS[name]['zh-CN']).toMatch(/\p{Script=Han}/u);
      expect(ICONS[name].en).not.toBe('');
    }
    expect(isIconName('tractor')).toBe(true);
    expect(isIconName('toString')).toBe(false);
    expect(isIconName(3)).toBe(false);
  });

  it('a contribution picks its icon by name', () => {
    const r = validateWidgetManifest(withNavIcon('tractor'), pkg);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.contributes.map((c) => c.icon)).toEqual(['tractor', undefined, 'tractor']);
  });

  it.each([['🚜'], ['Tractor'], ['./icon.svg'], [''], [12]])(
    'refuses %j as a contribution icon, naming the field',
    (icon) => {
      const r = validateWidgetManifest(withNavIcon(icon), pkg);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      const text = formatIssues(r.issues, 'en');
      expect(text).toContain('contributes[0].icon');
      expect(text).toContain('contributes[2].icon');
    },
  );
});
