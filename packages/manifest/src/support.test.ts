import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';
import { divisionLevel, isWithinDivision } from './division.js';
import { JSON_SCHEMAS, toJsonSchema } from './json-schema.js';
import { villageConfigSchema } from './portal.js';
import { findSharedConflicts, rangesIntersect, sdkSatisfies } from './semver.js';
import { signaturePayload } from './signing.js';
import { validateWith } from './validate.js';

describe('division codes', () => {
  it('knows the level of each code', () => {
    expect(divisionLevel('330000')).toBe('province');
    expect(divisionLevel('330500')).toBe('city');
    expect(divisionLevel('330521')).toBe('county');
    expect(divisionLevel('330521001')).toBe('township');
    expect(divisionLevel('330521001001')).toBe('village');
    expect(divisionLevel('33052')).toBeNull();
  });

  it('lets authority flow down the prefix only', () => {
    expect(isWithinDivision('330521', '330521001001')).toBe(true);
    expect(isWithinDivision('330000', '330521001001')).toBe(true);
    expect(isWithinDivision('330521', '330522001001')).toBe(false);
    expect(isWithinDivision('330521001', '330521002001')).toBe(false);
    expect(isWithinDivision('abc', '330521001001')).toBe(false);
  });
});

describe('semver helpers', () => {
  it('checks a widget SDK range against the host SDK', () => {
    expect(sdkSatisfies('^0.1.0', '0.1.3')).toBe(true);
    expect(sdkSatisfies('^0.1.0', '0.2.0')).toBe(false);
    expect(rangesIntersect('^1.2.0', '>=1.0.0 <1.3.0')).toBe(true);
    expect(rangesIntersect('^2.0.0', '^1.0.0')).toBe(false);
    expect(rangesIntersect('not a range', '^1.0.0')).toBe(false);
  });

  it('reports each shared singleton a host version cannot satisfy, with who asked', () => {
    const conflicts = findSharedConflicts({ react: '19.3.1', '@cunmen/sdk': '0.1.0' }, [
      { id: 'a@1.0.0', shared: { react: '^19.0.0' } },
      { id: 'b@2.0.0', shared: { react: '^18.2.0', '@cunmen/sdk': '^0.1.0' } },
      { id: 'c@1.0.0', shared: { lodash: '^4.0.0' } },
    ]);
    expect(conflicts).toEqual([
      { dependency: 'react', requested: { 'b@2.0.0': '^18.2.0' }, provided: '19.3.1' },
      { dependency: 'lodash', requested: { 'c@1.0.0': '^4.0.0' }, provided: '(not provided)' },
    ]);
  });
});

describe('signing payload', () => {
  it('is the same bytes whatever the key order, with capabilities sorted', () => {
    const a = signaturePayload({
      name: '@a/b',
      version: '1.0.0',
      assets: { 'x.js': 'sha384-1', 'a.js': 'sha384-2' },
      capabilities: ['store.write', 'store.read'],
    });
    const b = signaturePayload({
      capabilities: ['store.read', 'store.write'],
      assets: { 'a.js': 'sha384-2', 'x.js': 'sha384-1' },
      version: '1.0.0',
      name: '@a/b',
    });
    expect(a).toBe(b);
    expect(a).toBe(
      '{"assets":{"a.js":"sha384-2","x.js":"sha384-1"},"capabilities":["store.read","store.write"],"name":"@a/b","version":"1.0.0"}',
    );
  });

  it('refuses values JSON cannot represent faithfully', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/non-finite/);
  });
});

describe('village config', () => {
  it('rejects a widget placed twice and a non-village code', () => {
    const r = validateWith(villageConfigSchema, {
      village: '330521001',
      version: 1,
      widgets: [
        {
          name: '@deqing/find-machinery',
          version: '1.0.0',
          placements: [{ slot: 'village.home.tile/v1', expose: './Tile' }],
        },
        {
          name: '@deqing/find-machinery',
          version: '1.0.1',
          placements: [{ slot: 'village.home.tile/v1', expose: './Tile' }],
        },
      ],
    });
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => i.en)).toEqual([
      'village: invalid regex, expected to match /^[1-8]\\d{3}(?!00)\\d{2}\\d{6}$/',
      'widgets[1].name: @deqing/find-machinery is placed twice; one entry per widget',
    ]);
  });
});

describe('JSON Schema export', () => {
  it('describes every schema, including enums a form editor needs', () => {
    for (const schema of Object.values(JSON_SCHEMAS)) expect(toJsonSchema(schema).type).toBe('object');
    const widget = toJsonSchema(JSON_SCHEMAS['widget.schema.json']) as {
      properties: Record<string, { items?: { enum?: string[] } }>;
      required: string[];
    };
    expect(widget.properties.capabilities?.items?.enum).toContain('store.write');
    expect(widget.required).toEqual(
      expect.arrayContaining(['kind', 'county', 'title', 'sdk', 'exposes', 'contributes']),
    );
  });
});
