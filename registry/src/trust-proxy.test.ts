import { makeTempDir, publishDocument } from '@cunmen/test-utils';
import { describe, expect, it } from 'vitest';
import { freshBackend, storageOptionsFor } from '../test/backends.js';
import { widgetTarball } from '../test/fixtures.js';
import { buildApp } from './app.js';
import { addUser } from './cli/users.js';
import { openStorage } from './storage/index.js';

async function publishedFrom(trustProxy: string[] | undefined): Promise<string | undefined> {
  const dataDir = (await makeTempDir('cunmen-proxy-')).path;
  await freshBackend();
  const { token } = await addUser({
    dataDir,
    name: 'dq',
    role: 'county',
    county: '330521',
    scope: '@deqing',
  });
  const app = await buildApp({
    dataDir,
    publicUrl: 'https://r.example',
    trustProxy,
    scale: await storageOptionsFor(dataDir),
  });
  const res = await app.inject({
    method: 'PUT',
    url: '/@deqing%2ffind-machinery',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'x-forwarded-for': '203.0.113.9',
    },
    payload: publishDocument(
      '@deqing/find-machinery',
      '1.0.0',
      widgetTarball('@deqing/find-machinery', '1.0.0'),
    ),
  });
  expect(res.statusCode).toBe(201);
  await app.close();
  const storage = await openStorage(dataDir, await storageOptionsFor(dataDir));
  const rows = await storage.audit.list();
  await storage.close();
  return rows.find((r) => r.action === 'version.publish')?.ip;
}

describe('--trust-proxy', () => {
  it('records the forwarded client address only when the proxy is trusted', async () => {
    expect(await publishedFrom(undefined)).toBe('127.0.0.1');
    expect(await publishedFrom(['127.0.0.1'])).toBe('203.0.113.9');
  });
});
