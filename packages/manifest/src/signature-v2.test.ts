import { describe, expect, it } from 'vitest';
import {
  placementIsSigned,
  type SignedReleaseV2,
  signaturePayloadV2,
  signedManifest,
} from './signature-v2.js';
import { signaturePayload } from './signing.js';

const manifest = {
  kind: 'widget',
  sdk: '^0.1.0',
  shared: { react: '^19.0.0' },
  exposes: { './Tile': './src/tile.tsx' },
  contributes: [
    { slot: 'village.home.tile/v1', expose: './Tile' },
    { slot: 'village.nav/v1', route: 'x' },
  ],
  configSchema: null,
  configDefaults: { a: 1 },
  capabilities: ['store.write', 'store.read'],
  description: { 'zh-CN': '不签名的说明' },
  builtWith: { '@cunmen/build': '0.1.0' },
};

function release(overrides: Partial<SignedReleaseV2> = {}): SignedReleaseV2 {
  return {
    name: '@deqing/x',
    version: '1.0.0',
    kind: 'widget',
    title: { 'zh-CN': '组件' },
    remote: { name: 'x', entry: 'remoteEntry.js' },
    assets: { 'remoteEntry.js': 'sha384-1' },
    capabilities: ['store.read'],
    manifest: signedManifest(manifest),
    ...overrides,
  };
}

describe('signedManifest', () => {
  it('keeps exactly the fields the shell reads, with requested capabilities sorted', () => {
    expect(signedManifest(manifest)).toEqual({
      sdk: '^0.1.0',
      shared: { react: '^19.0.0' },
      exposes: { './Tile': './src/tile.tsx' },
      contributes: manifest.contributes,
      configSchema: null,
      configDefaults: { a: 1 },
      requested: ['store.read', 'store.write'],
    });
  });

  it('gives one layout whether optional fields are missing or defaulted', () => {
    const { shared: _s, configSchema: _c, configDefaults: _d, ...bare } = manifest;
    const parsed = { ...bare, shared: {}, configSchema: null, configDefaults: null };
    expect(signedManifest(bare)).toEqual(signedManifest(parsed));
  });

  it('carries collections only when the manifest declares them', () => {
    expect('collections' in signedManifest(manifest)).toBe(false);
    const collections = { bookings: { visibility: 'owner' } };
    expect(signedManifest({ ...manifest, collections }).collections).toEqual(collections);
  });
});

describe('signaturePayloadV2', () => {
  it('is canonical: the same bytes whatever the key order', () => {
    const a = signaturePayloadV2(release({ capabilities: ['store.write', 'store.read'] }));
    const reordered = JSON.parse(JSON.stringify(release({ capabilities: ['store.read', 'store.write'] })));
    expect(signaturePayloadV2({ ...reordered, manifest: { ...reordered.manifest } })).toBe(a);
    expect(a.startsWith('{"assets":')).toBe(true);
    expect(a).toContain('"format":"cunmen-release/2"');
  });

  it.each([
    ['kind', { kind: 'standard' }],
    ['title', { title: { 'zh-CN': '别的' } }],
    ['remote name', { remote: { name: 'y', entry: 'remoteEntry.js' } }],
    ['entry asset', { remote: { name: 'x', entry: 'chunk.js' } }],
    ['asset hash', { assets: { 'remoteEntry.js': 'sha384-2' } }],
    ['granted capabilities', { capabilities: ['store.read', 'store.write'] as const }],
    ['contributes', { manifest: signedManifest({ ...manifest, contributes: [] }) }],
    ['configSchema', { manifest: signedManifest({ ...manifest, configSchema: { type: 'object' } }) }],
    ['shared', { manifest: signedManifest({ ...manifest, shared: { react: '^18.0.0' } }) }],
    ['sdk', { manifest: signedManifest({ ...manifest, sdk: '*' }) }],
    ['exposes', { manifest: signedManifest({ ...manifest, exposes: { './Evil': './evil.js' } }) }],
    ['collections', { manifest: signedManifest({ ...manifest, collections: { a: 'public' } }) }],
  ] as [string, Partial<SignedReleaseV2>][])('changes when %s changes', (_field, change) => {
    expect(signaturePayloadV2(release(change))).not.toBe(signaturePayloadV2(release()));
  });

  it('never equals the v1 payload of the same release', () => {
    const r = release();
    expect(signaturePayloadV2(r)).not.toBe(
      signaturePayload({
        name: r.name,
        version: r.version,
        assets: r.assets,
        capabilities: [...r.capabilities],
      }),
    );
  });
});

describe('placementIsSigned', () => {
  const signed = signedManifest(manifest);
  it.each([
    [{ slot: 'village.home.tile/v1', expose: './Tile' }, true],
    [{ slot: 'village.nav/v1', route: 'x' }, true],
    [{ slot: 'village.home.tile/v1', expose: './Page' }, false],
    [{ slot: 'village.nav/v1', route: 'y' }, false],
    [{ slot: 'village.page/v1', expose: './Tile' }, false],
  ])('%j → %s', (placement, expected) => {
    expect(placementIsSigned(signed, placement)).toBe(expected);
  });
});
