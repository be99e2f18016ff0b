import { describe, expect, it } from 'vitest';
import { type ReleaseDocument, releaseDocumentSchema } from './release.js';

const base = 'https://r.example/-/assets/abc/';
const release = {
  name: '@deqing/find-machinery',
  version: '1.0.0',
  kind: 'widget',
  standard: false,
  title: { 'zh-CN': '找农机' },
  assetBase: base,
  remote: {
    name: 'deqing_find_machinery',
    entry: `${base}remoteEntry.js`,
    entryIntegrity: 'sha384-x',
    manifest: `${base}mf-manifest.json`,
  },
  assets: { 'remoteEntry.js': 'sha384-x', 'mf-manifest.json': 'sha384-y' },
  capabilities: ['store.read'],
  signature: 'c2ln',
  keyId: '0123456789abcdef',
  deprecated: null,
  yanked: null,
  manifest: {
    sdk: '^0.1.0',
    shared: { react: '^19.0.0' },
    contributes: [{ slot: 'village.home.tile/v1', expose: './Tile' }],
    configSchema: null,
    configDefaults: null,
    category: 'agriculture',
  },
} satisfies ReleaseDocument;

const withField = (fields: Record<string, unknown>) => ({ ...release, ...fields });

describe('the release document', () => {
  it('parses what the registry sends, keeping the rest of the manifest and ignoring newer fields', () => {
    expect(releaseDocumentSchema.parse(release)).toEqual(release);
    const parsed = releaseDocumentSchema.parse(withField({ provenance: 'later' }));
    expect(parsed).not.toHaveProperty('provenance');
    expect(parsed.manifest.category).toBe('agriculture');
  });

  it('reads a missing deprecation, yank or manifest default as none', () => {
    const { deprecated: _d, yanked: _y, ...older } = release;
    const { shared: _s, configSchema: _c, configDefaults: _cd, ...manifest } = release.manifest;
    const parsed = releaseDocumentSchema.parse({ ...older, manifest });
    expect(parsed).toMatchObject({ deprecated: null, yanked: null });
    expect(parsed.manifest).toMatchObject({ shared: {}, configSchema: null, configDefaults: null });
  });

  it('carries the yank', () => {
    const yanked = { at: '2026-12-02T08:00:00.000Z', reason: null };
    expect(releaseDocumentSchema.parse(withField({ yanked })).yanked).toEqual(yanked);
  });

  it.each([
    ['an unscoped name', { name: 'machinery' }],
    ['a version range', { version: '^1.0.0' }],
    ['a library', { kind: 'library' }],
    ['an asset base without the trailing slash', { assetBase: 'https://r.example/-/assets/abc' }],
    ['an asset base that is not http(s)', { assetBase: 'file:///tmp/' }],
    ['an unknown capability', { capabilities: ['root'] }],
    ['no signature', { signature: '' }],
    ['no key id', { keyId: '' }],
    ['a yank without its time', { yanked: { reason: 'x' } }],
    ['a manifest without contributions', { manifest: { sdk: '^0.1.0' } }],
    ['a title without zh-CN', { title: { en: 'Find machinery' } }],
  ])('refuses %s', (_what, fields) => {
    expect(releaseDocumentSchema.safeParse(withField(fields)).success).toBe(false);
  });
});
