/**
 * Catalog test fixtures: a registry with county and province users, and helpers that publish a widget
 * over the npm protocol (with package.json fields such as keywords), approve and yank it over HTTP,
 * and report portal usage as the shell does.
 */
import { makeTempDir } from '@cunmen/test-utils';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.js';
import { createAccount } from '../src/services/accounts.js';
import { OPERATOR } from '../src/services/actor.js';
import { openStorage } from '../src/storage/index.js';
import type { Role, Storage } from '../src/storage/types.js';
import { injectPublish, type WidgetSpec } from './fixtures.js';

export type { WidgetSpec } from './fixtures.js';

export interface CatalogRegistry {
  app: FastifyInstance;
  storage: Storage;
  dataDir: string;
  tokens: { deqing: string; anji: string; province: string };
  close(): Promise<void>;
}

async function user(storage: Storage, name: string, role: Role, county: string, scope: string) {
  return (await createAccount(storage, OPERATOR, { name, role, county, scope })).token;
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
      await storage.close();
    },
  };
}

export const auth = (token: string) => ({ authorization: `Bearer ${token}` });

export async function publish(
  r: CatalogRegistry,
  token: string,
  name: string,
  version: string,
  spec: WidgetSpec = {},
): Promise<void> {
  const res = await injectPublish(r.app, token, name, version, spec);
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
