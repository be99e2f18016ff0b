/**
 * Test harness: the real registry (`buildApp` of `@cunmen/registry`) listening in-process on a free
 * port, with county and province users, and helpers that publish fixture widgets over the npm protocol
 * and approve or yank them over HTTP, as the registry's own tests do. The fixture tarballs and publish
 * documents come from `@cunmen/test-utils`.
 */
import { buildApp, createAccount, OPERATOR, openStorage } from '@cunmen/registry';
import { freePort, makeTarball, makeTempDir, publishDocument, publishPath, sri } from '@cunmen/test-utils';
import type { FastifyInstance } from 'fastify';

/** The built files of a fixture widget: a remote entry, its MF manifest (listing `exposes`), one chunk. */
export function assetBodies(exposes: Record<string, string>): Record<string, string> {
  const list = Object.keys(exposes).map((key) => ({ name: key.slice(2), path: key }));
  return {
    'remoteEntry.js': 'export const get = () => null;\n',
    'mf-manifest.json': `${JSON.stringify({ id: 'fixture', exposes: list })}\n`,
    'chunk.1a2b3c4d.js': 'export default function Tile() { return null; }\n',
  };
}

/** A built manifest with a home tile, a page and a nav entry; `overrides` replace top-level fields. */
export function fixtureManifest(name: string, version: string, overrides: Record<string, unknown> = {}) {
  const [scope = '', base = ''] = name.slice(1).split('/');
  const manifest: Record<string, unknown> = {
    kind: 'widget',
    county: scope === 'cunmen' ? '330000' : scope === 'yiyuan' ? '370323' : '330521',
    ...(scope === 'cunmen' ? { kind: 'standard' } : {}),
    title: { 'zh-CN': '找农机', en: 'Find machinery' },
    description: { 'zh-CN': '查找本村农机手' },
    category: 'agriculture',
    sdk: '^0.1.0',
    exposes: { './Tile': './src/tile.tsx', './Page': './src/page.tsx' },
    contributes: [
      { slot: 'village.home.tile/v1', expose: './Tile', icon: 'tractor' },
      { slot: 'village.page/v1', expose: './Page', route: base, title: { 'zh-CN': '找农机' } },
      { slot: 'village.nav/v1', route: base, title: { 'zh-CN': '农机' } },
    ],
    capabilities: ['store.read'],
    manifestVersion: 1,
    name,
    version,
    budget: { gzip: 4096 },
    remote: { name: base.replace(/-/g, '_'), entry: 'remoteEntry.js', manifest: 'mf-manifest.json' },
    shared: { react: '^19.0.0', '@cunmen/sdk': '^0.1.0' },
    configSchema: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: {
        radiusKm: { type: 'integer', minimum: 1, maximum: 50 },
        greeting: { type: 'string', maxLength: 40 },
      },
      additionalProperties: false,
    },
    configDefaults: { radiusKm: 10 },
    size: { jsGzip: 1500, totalGzip: 1900, total: 4900 },
    builtWith: { '@cunmen/build': '0.1.0' },
    ...overrides,
  };
  const bodies = assetBodies(manifest.exposes as Record<string, string>);
  manifest.assets = Object.entries(bodies).map(([path, body]) => ({
    path,
    size: body.length,
    gzip: body.length,
    integrity: sri(body),
    contentType: path.endsWith('.json') ? 'application/json' : 'text/javascript',
  }));
  return { manifest, bodies };
}

export interface TestRegistry {
  url: string;
  /** The registry's data directory (`registry.db` in it), for tests that tamper with what it stored. */
  dataDir: string;
  app: FastifyInstance;
  tokens: { deqing: string; yiyuan: string; province: string };
  publish(name: string, version: string, overrides?: Record<string, unknown>): Promise<void>;
  approve(name: string, version: string): Promise<void>;
  yank(name: string, version: string, reason: string): Promise<void>;
  /** Publishes and approves. */
  release(name: string, version: string, overrides?: Record<string, unknown>): Promise<void>;
  usage(name: string): Promise<{ versions: { version: string; villages: number }[] }>;
  close(): Promise<void>;
}

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

export async function startRegistry(): Promise<TestRegistry> {
  const dir = await makeTempDir('cunmen-shell-registry-');
  const storage = await openStorage(dir.path);
  const user = async (name: string, role: 'province' | 'county', county: string, scope: string) =>
    (await createAccount(storage, OPERATOR, { name, role, county, scope })).token;
  const tokens = {
    deqing: await user('dq', 'county', '330521', '@deqing'),
    yiyuan: await user('yy', 'county', '370323', '@yiyuan'),
    province: await user('zj', 'province', '330000', '@cunmen'),
  };
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const app = await buildApp({ dataDir: dir.path, storage, publicUrl: url, supportedSdk: '>=0.1.0 <1.0.0' });
  await app.listen({ port, host: '127.0.0.1' });

  const expect = (what: string, status: number, res: { statusCode: number; body: string }) => {
    if (res.statusCode !== status) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  };
  const r: TestRegistry = {
    url,
    dataDir: dir.path,
    app,
    tokens,
    async publish(name, version, overrides = {}) {
      const { manifest, bodies } = fixtureManifest(name, version, overrides);
      const files: Record<string, string> = {
        'package/package.json': JSON.stringify({ name, version }),
        'package/dist/cunmen.json': JSON.stringify(manifest),
      };
      for (const [path, body] of Object.entries(bodies)) files[`package/dist/${path}`] = body;
      const doc = publishDocument(name, version, makeTarball(files), {
        dist: { tarball: `${url}/${name}/-/x.tgz` },
      });
      const token = name.startsWith('@cunmen/')
        ? tokens.province
        : name.startsWith('@yiyuan/')
          ? tokens.yiyuan
          : tokens.deqing;
      const res = await app.inject({
        method: 'PUT',
        url: publishPath(name),
        headers: { ...auth(token), 'content-type': 'application/json' },
        payload: JSON.stringify(doc),
      });
      expect(`publish ${name}@${version}`, 201, res);
    },
    async approve(name, version) {
      const res = await app.inject({
        method: 'POST',
        url: `/-/cunmen/v1/review/${name}/${version}/approve`,
        headers: auth(tokens.province),
        payload: {},
      });
      expect(`approve ${name}@${version}`, 200, res);
    },
    async yank(name, version, reason) {
      const res = await app.inject({
        method: 'POST',
        url: `/-/cunmen/v1/packages/${name}/${version}/yank`,
        headers: auth(tokens.province),
        payload: { reason },
      });
      expect(`yank ${name}@${version}`, 200, res);
    },
    async release(name, version, overrides) {
      await r.publish(name, version, overrides);
      await r.approve(name, version);
    },
    async usage(name) {
      const res = await app.inject({ url: `/-/cunmen/v1/usage/${name}` });
      expect(`usage ${name}`, 200, res);
      return res.json();
    },
    async close() {
      await app.close();
      await storage.close();
      await dir.remove();
    },
  };
  return r;
}

/** A `fetch` that lets a test rewrite the registry's JSON answers (a tampered or failing registry). */
export function tamperingFetch(rewrite: (url: string, body: unknown) => unknown): typeof fetch {
  return async (input, init) => {
    const res = await fetch(input, init);
    const url = String(input instanceof Request ? input.url : input);
    if (!res.ok || !(res.headers.get('content-type') ?? '').includes('json')) return res;
    const body = rewrite(url, await res.json());
    return new Response(JSON.stringify(body), {
      status: res.status,
      headers: { 'content-type': 'application/json' },
    });
  };
}
