import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyFixture, makeTempDir } from '@cunmen/test-utils';
import { parse } from 'acorn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_MANIFEST, buildWidget, describeBuild } from './build-widget.js';
import { loadWidgetPackage } from './widget-package.js';

let tmp: Awaited<ReturnType<typeof makeTempDir>>;
let root = '';

beforeAll(async () => {
  tmp = await makeTempDir('cunmen-build-');
  root = copyFixture('hello-widget', join(tmp.path, 'hello'));
}, 60_000);

afterAll(async () => {
  await tmp.remove();
});

describe('buildWidget', () => {
  it('emits a Module Federation remote and a manifest whose hashes match the files', async () => {
    const outcome = await buildWidget({ root });
    if (!outcome.ok) throw new Error(outcome.issues.map((i) => i.en).join('\n'));
    const { manifest } = outcome;
    expect(manifest.remote).toEqual({
      name: 'deqing_hello',
      entry: 'remoteEntry.js',
      manifest: 'mf-manifest.json',
    });
    expect(manifest.assets.map((a) => a.path)).toEqual(
      expect.arrayContaining(['remoteEntry.js', 'mf-manifest.json']),
    );
    for (const asset of manifest.assets) {
      const bytes = readFileSync(join(root, 'dist', asset.path));
      expect(asset.integrity).toBe(`sha384-${createHash('sha384').update(bytes).digest('base64')}`);
      expect(asset.size).toBe(bytes.length);
    }
    expect(manifest.size.jsGzip).toBe(
      manifest.assets.filter((a) => a.path.endsWith('.js')).reduce((n, a) => n + a.gzip, 0),
    );
    expect(JSON.parse(readFileSync(join(root, 'dist', BUILT_MANIFEST), 'utf8'))).toEqual(manifest);
    expect(existsSync(join(root, 'dist', 'mf-manifest-stats.json'))).toBe(false);
  });

  it('leaves React, the SDK and the UI kit to the host and declares their ranges', async () => {
    const outcome = await buildWidget({ root });
    if (!outcome.ok) throw new Error('build failed');
    expect(outcome.manifest.shared).toEqual({
      react: '^19.0.0',
      'react-dom': '^19.0.0',
      'react/jsx-runtime': '^19.0.0',
      '@cunmen/sdk': '^0.1.0',
      '@cunmen/ui': '^0.1.0',
    });
    const js = outcome.manifest.assets
      .filter((a) => a.path.endsWith('.js'))
      .map((a) => readFileSync(join(root, 'dist', a.path), 'utf8'));
    // React's own source would carry this string; a shared singleton never does.
    expect(js.some((code) => code.includes('react.production'))).toBe(false);
    expect(
      js.some(
        (code) => code.includes('__FEDERATION_RUNTIME_CORE') || code.includes('_FEDERATION_RUNTIME_CORE'),
      ),
    ).toBe(true);
  });

  it("emits only ES2019 syntax, which WeChat's Chrome 78 and iOS Safari 13 engines parse", async () => {
    const outcome = await buildWidget({ root });
    if (!outcome.ok) throw new Error('build failed');
    for (const asset of outcome.manifest.assets.filter((a) => a.path.endsWith('.js'))) {
      const code = readFileSync(join(root, 'dist', asset.path), 'utf8');
      expect(() => parse(code, { ecmaVersion: 2019, sourceType: 'script' }), asset.path).not.toThrow();
    }
  });

  it('turns the zod config schema into JSON Schema and defaults', async () => {
    const outcome = await buildWidget({ root });
    if (!outcome.ok) throw new Error('build failed');
    expect(outcome.manifest.configDefaults).toEqual({ greeting: '你好', showCount: true });
    expect(outcome.manifest.configSchema).toMatchObject({
      type: 'object',
      properties: { greeting: { type: 'string', maxLength: 20 } },
    });
  });

  it('reports exposes missing from the built remote', async () => {
    const outcome = await buildWidget({ root });
    if (!outcome.ok) throw new Error('build failed');
    const mfFile = join(root, 'dist', 'mf-manifest.json');
    const mf = JSON.parse(readFileSync(mfFile, 'utf8'));
    mf.exposes = mf.exposes.filter((e: { path: string }) => e.path !== './Page');
    writeFileSync(mfFile, JSON.stringify(mf));
    const loaded = loadWidgetPackage(root);
    if (!loaded.ok) throw new Error('fixture invalid');
    const described = await describeBuild(join(root, 'dist'), loaded.widget, { write: false });
    expect(described.ok).toBe(false);
    if (!described.ok) {
      expect(described.issues.map((i) => i.en)).toEqual([
        'exposes../Page: declared in widget.json but missing from the built remote',
      ]);
    }
  });

  it('lists per expose what it needs before it runs, leaving lazily loaded chunks out', async () => {
    const lazy = copyFixture('hello-widget', join(tmp.path, 'lazy'));
    // A heavy module only the page loads, with import(): it must not count against the tile.
    writeFileSync(join(lazy, 'src/heavy.ts'), `export const table = ${JSON.stringify('重'.repeat(4000))};\n`);
    const page = readFileSync(join(lazy, 'src/Page.tsx'), 'utf8');
    writeFileSync(
      join(lazy, 'src/Page.tsx'),
      `${page}\nexport const loadHeavy = () => import('./heavy.js');\n`,
    );
    const outcome = await buildWidget({ root: lazy });
    if (!outcome.ok) throw new Error(outcome.issues.map((i) => i.en).join('\n'));
    const { exposeAssets, assets } = outcome.manifest;
    expect(Object.keys(exposeAssets ?? {}).sort()).toEqual(['./Page', './Tile']);
    const tile = exposeAssets?.['./Tile'] ?? [];
    const page2 = exposeAssets?.['./Page'] ?? [];
    expect(tile.some((p) => p.includes('__federation_expose_Tile'))).toBe(true);
    expect(tile.some((p) => p.includes('__federation_expose_Page'))).toBe(false);
    const heavy = assets.find((a) => readFileSync(join(lazy, 'dist', a.path), 'utf8').includes('重重重重'));
    expect(heavy?.path).toBeDefined();
    expect([...tile, ...page2]).not.toContain(heavy?.path);
    // The home route costs the entry plus the tile's files, not the page's heavy chunk.
    const gzipOf = (p: string) => assets.find((a) => a.path === p)?.gzip ?? 0;
    expect(outcome.manifest.size.home).toBe(
      gzipOf('remoteEntry.js') + tile.reduce((n, p) => n + gzipOf(p), 0),
    );
    expect(outcome.manifest.size.home).toBeLessThan(outcome.manifest.size.jsGzip);
  });

  it('reports a config module without configSchema and writes no dist', async () => {
    const other = copyFixture('hello-widget', join(tmp.path, 'no-schema'));
    writeFileSync(join(other, 'src/config.ts'), 'export const settings = {};\n');
    const outcome = await buildWidget({ root: other });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok)
      expect(outcome.issues.map((i) => i.en)).toEqual([
        'config: ./src/config.ts must export a zod schema named configSchema',
      ]);
    expect(readdirSync(other).filter((f) => f.startsWith('dist'))).toEqual([]);
  });
});
