import { describe, expect, it } from 'vitest';
import { toJsonSchema } from './json-schema.js';
import { validateWidgetManifest } from './validate.js';
import { visibilityOf } from './visibility.js';
import { widgetManifestSchema } from './widget-manifest.js';

const pkg = { name: '@yiyuan/waste-pickup', version: '1.0.0' };

function manifest(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'widget',
    county: '370323',
    title: { 'zh-CN': '垃圾分类预约' },
    description: { 'zh-CN': '预约上门收运' },
    category: 'environment',
    sdk: '^0.1.0',
    exposes: { './Tile': './src/tile/index.tsx' },
    contributes: [{ slot: 'village.home.tile/v1', expose: './Tile' }],
    capabilities: ['store.read', 'store.write'],
    ...overrides,
  };
}

describe('collections in the manifest', () => {
  it('declares who may read each collection; an undeclared one is owner', () => {
    const collections = { bookings: { visibility: 'owner' }, notices: { visibility: 'public' } };
    const r = validateWidgetManifest(manifest({ collections }), pkg);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.collections).toEqual(collections);
    expect(visibilityOf(r.value.collections, 'notices')).toBe('public');
    expect(visibilityOf(r.value.collections, 'drafts')).toBe('owner');
    expect(visibilityOf(undefined, 'bookings')).toBe('owner');
  });

  it.each([
    ['an unknown visibility', { bookings: { visibility: 'everyone' } }, 'collections.bookings.visibility'],
    ['a missing visibility', { bookings: {} }, 'collections.bookings.visibility'],
    ['an unknown field', { bookings: { visibility: 'owner', write: 'public' } }, 'collections.bookings'],
    ['a name the store refuses', { Bookings: { visibility: 'owner' } }, 'collections.Bookings'],
  ])('refuses %s, naming the field', (_what, collections, path) => {
    const r = validateWidgetManifest(manifest({ collections }), pkg);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path)).toContain(path);
  });

  it('refuses collections on a widget that asks for no store capability', () => {
    const r = validateWidgetManifest(
      manifest({ capabilities: ['form.submit'], collections: { bookings: { visibility: 'village' } } }),
      pkg,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([
      expect.objectContaining({ path: 'collections', zh: expect.stringContaining('store.read') }),
    ]);
  });

  it('is in the JSON Schema editors validate widget.json with', () => {
    const schema = toJsonSchema(widgetManifestSchema) as { properties: Record<string, unknown> };
    expect(JSON.stringify(schema.properties.collections)).toContain('"enum":["owner","village","public"]');
  });
});
