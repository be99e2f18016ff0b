/**
 * Catalog test fixtures: a registry with county and province users, and helpers that publish a widget
 * over the npm protocol (with package.json fields such as keywords), approve and yank it over HTTP,
 * and report portal usage as the shell does.
 */
import { makeTempDir } from '@cunmen/test-utils';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.js';
import { hashToken, newToken } from '../src/services/tokens.js';
import { openStorage } from '../src/storage/index.js';
import type { Role, Storage } from '../src/storage/types.js';
import { builtManifest, makeTarball, publishDoc, type TarEntry, widgetEntries } from './fixtures.js';

export interface CatalogRegistry {
  app: FastifyInstance;
  storage: Storage;
  dataDir: string;
  tokens: { deqing: string; anji: string; province: string };
  close(): Promise<void>;
}

async function user(storage: Storage, name: string, role: Role, county: string, scope: string) {
  const u = await storage.meta.createUser({ name, role, county, scope });
  const token = newToken();
  await storage.meta.addToken(u.id, hashToken(token));
  return token;
}

export async function catalogRegistry(prefix: string): Promise<CatalogRegistry> {
  const dataDir = (await makeTempDir(prefix)).path;
  const storage = await openStorage(dataDir);
  const tokens = {
    deqing: await user(storage, 'dq', 'county', '330521', '@deqing'),
    anji: await user(storage, 'aj', 'county', '330523', '@anji'),
    province: await user(storage, 'zj', 'province', '330000', '@cunmen'),
  };
  const app = await buildApp({ dataDir, storage, publicUrl: 'https://r.example' });
  return {
    app,
    storage,
    dataDir,
    tokens,
    close: async () => {
      await app.close();
      await storage.meta.close();
    },
  };
}

export const auth = (token: string) => ({ authorization: `Bearer ${token}` });

export interface WidgetSpec {
  manifest?: Record<string, unknown>;
  /** Extra fields of the version document (package.json): keywords, description, changelog … */
  packageJson?: Record<string, unknown>;
  extraEntries?: TarEntry[];
}

export async function publish(
  r: CatalogRegistry,
  token: string,
  name: string,
  version: string,
  spec: WidgetSpec = {},
): Promise<void> {
  const manifest = builtManifest(name, version, spec.manifest ?? {});
  const tarball = makeTarball([...widgetEntries(name, version, manifest), ...(spec.extraEntries ?? [])]);
  const doc = publishDoc(name, version, tarball);
  const versions = doc.versions as Record<string, Record<string, unknown>>;
  versions[version] = { ...versions[version], ...spec.packageJson };
  const res = await r.app.inject({
    method: 'PUT',
    url: `/${name.replace('/', '%2f')}`,
    headers: { ...auth(token), 'content-type': 'application/json' },
    payload: JSON.stringify(doc),
  });
  if (res.statusCode !== 201) throw new Error(`publish ${name}@${version}: ${res.statusCode} ${res.body}`);
}

export async function approve(r: CatalogRegistry, name: string, version: string): Promise<void> {
  const res = await r.app.inject({
    method: 'POST',
    url: `/-/cunmen/v1/review/${name}/${version}/approve`,
    headers: auth(r.tokens.province),
    payload: {},
  });
  if (res.statusCode !== 200) throw new Error(`approve ${name}@${version}: ${res.statusCode} ${res.body}`);
}

export async function yank(r: CatalogRegistry, name: string, version: string, reason: string): Promise<void> {
  const res = await r.app.inject({
    method: 'POST',
    url: `/-/cunmen/v1/packages/${name}/${version}/yank`,
    headers: auth(r.tokens.province),
    payload: { reason },
  });
  if (res.statusCode !== 200) throw new Error(`yank ${name}@${version}: ${res.statusCode} ${res.body}`);
}

export async function reportUsage(
  r: CatalogRegistry,
  village: string,
  widgets: { name: string; version: string }[],
  token = r.tokens.province,
): Promise<LightMyRequestResponse> {
  return r.app.inject({
    method: 'POST',
    url: '/-/cunmen/v1/usage',
    headers: auth(token),
    payload: { village, widgets },
  });
}
