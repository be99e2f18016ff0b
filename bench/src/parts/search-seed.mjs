// The catalog's scale for (c): `widgets` packages × `versions` approved versions written through the
// registry's storage API (what a publish and an approval store), not over HTTP: 100,000 publishes
// would measure the publish path for an hour, and the search reads only what storage holds.
import { createHash } from 'node:crypto';

/** Words the generated titles are made of; the measured queries search for them. */
export const WORDS = [
  '农机',
  '垃圾分类',
  '党务公开',
  '村务',
  '预约',
  '投诉',
  '医保',
  '养老',
  '电费',
  '快递',
  '民宿',
  '茶叶',
  '竹林',
  '防汛',
  '停车',
  '文化礼堂',
  '志愿',
  '安全',
  '水电',
  '图书',
];
const CATEGORIES = ['agriculture', 'affairs', 'services', 'community'];

/** The title, county and scope of generated widget `i` (deterministic, so every run searches the same catalog). */
export function generatedWidget(i) {
  const a = WORDS[i % WORDS.length];
  const b = WORDS[Math.floor(i / WORDS.length) % WORDS.length];
  const county = String(330100 + (i % 90)).padStart(6, '0');
  return {
    name: `@c${county}/w${String(i).padStart(5, '0')}`,
    county,
    title: `${a}${b}${i}`,
    description: `${a}与${b}：第${i}号村务小部件`,
    category: CATEGORIES[i % CATEGORIES.length],
  };
}

/**
 * Seeds the storage in `dataDir` with the registry library's own API; returns how many packages the
 * catalog holds afterwards.
 */
export async function seedCatalog({ registryLib, fixtures, dataDir, widgets, versions, say }) {
  const { openStorage, createAccount } = registryLib;
  const storage = await openStorage(dataDir);
  try {
    const { user } = await createAccount(
      storage,
      { user: null, ip: 'local' },
      {
        name: 'bench-county',
        role: 'county',
        county: '330100',
        scope: null,
      },
    );
    const started = Date.now();
    for (let i = 0; i < widgets; i++) {
      const w = generatedWidget(i);
      for (let v = 0; v < versions; v++) {
        const version = `1.${v}.0`;
        // Each version owns its tarball blob (the schema keeps them unique), as after a real publish.
        const tarball = fixtures.widgetTarball(w.name, version);
        const blob = await storage.blobs.put(tarball);
        const integrity = `sha512-${createHash('sha512').update(tarball).digest('base64')}`;
        const shasum = createHash('sha1').update(tarball).digest('hex');
        const manifest = fixtures.builtManifest(w.name, version, {
          county: w.county,
          title: { 'zh-CN': w.title },
          description: { 'zh-CN': w.description },
          category: w.category,
          keywords: [],
        });
        const inserted = await storage.packages.insertVersion({
          name: w.name,
          version,
          kind: 'widget',
          packageJson: { name: w.name, version, description: w.description, dist: { integrity, shasum } },
          manifest,
          integrity,
          shasum,
          blobSha256: blob.sha256,
          tarballSize: tarball.length,
          unpackedSize: 5000,
          files: [],
          checks: [],
          requestedTag: 'latest',
          publishedBy: user.id,
          assets: [],
        });
        const approved = await storage.packages.approveVersion(w.name, version, {
          reviewerId: null,
          grantedCapabilities: ['store.read'],
          signature: 'bench-unsigned',
        });
        if (!inserted || approved !== 'approved') throw new Error(`seeding ${w.name}@${version} was refused`);
      }
      if ((i + 1) % 1000 === 0)
        say(`  ${i + 1}/${widgets} widgets (${Math.round((Date.now() - started) / 1000)} s)`);
    }
    return await storage.catalog.reindexAll();
  } finally {
    await storage.close();
  }
}
