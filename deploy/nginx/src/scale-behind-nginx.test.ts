/**
 * Scale mode behind the tested nginx configuration: two registry instances on one PostgreSQL and one S3
 * bucket (their own connection pools and processes' worth of state, sharing one signing key file), nginx
 * balancing between them. 50 concurrent publishes of different versions of one package sent to nginx are
 * all kept, each once, both instances took some, and every route — nginx, A, B — lists all 50 at once.
 */
import { join } from 'node:path';
import { buildApp, createAccount, OPERATOR, openStorage, type ScaleStorageOptions } from '@cunmen/registry';
import {
  makeTarball,
  makeTempDir,
  publishDocument,
  publishPath,
  type StartedNginx,
  type StartedPostgres,
  type StartedS3,
  startNginx,
  startPostgres,
  startS3,
} from '@cunmen/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderNginxConfig } from './render.js';

const LIB = '@cunmen/nginx-scale-lib';

interface Instance {
  app: Awaited<ReturnType<typeof buildApp>>;
  storage: Awaited<ReturnType<typeof openStorage>>;
  url: string;
}

let pg: StartedPostgres;
let s3: StartedS3;
let nginx: StartedNginx;
let a: Instance;
let b: Instance;
const both = () => [a, b];
let token = '';

async function instance(scale: ScaleStorageOptions, signingKeyFile: string): Promise<Instance> {
  const dataDir = (await makeTempDir('cunmen-nginx-scale-')).path;
  const storage = await openStorage(dataDir, scale);
  const app = await buildApp({
    dataDir,
    storage,
    scale,
    signingKeyFile,
    publicUrl: 'http://registry.invalid',
    trustProxy: ['127.0.0.1'],
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, storage, url };
}

/** How many publishes (PUT of a package document) reached one instance (its own /metrics). */
async function publishesAt(i: Instance): Promise<number> {
  const text = await (await fetch(`${i.url}/metrics`)).text();
  return text
    .split('\n')
    .filter((l) => l.startsWith('http_requests_total{') && l.includes('method="PUT"'))
    .reduce((sum, l) => sum + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
}

beforeAll(async () => {
  [pg, s3] = await Promise.all([startPostgres(), startS3()]);
  const scale: ScaleStorageOptions = {
    databaseUrl: await pg.createDatabase('registry_behind_nginx'),
    s3: {
      endpoint: s3.endpoint,
      bucket: 'cunmen-registry',
      region: 'us-east-1',
      accessKeyId: s3.accessKeyId,
      secretAccessKey: s3.secretAccessKey,
    },
  };
  const keyFile = join((await makeTempDir('cunmen-nginx-key-')).path, 'province-ed25519.key');
  // Both start at once: migrations and the key file are taken in turns.
  [a, b] = await Promise.all([instance(scale, keyFile), instance(scale, keyFile)]);
  ({ token } = await createAccount(a.storage, OPERATOR, {
    name: 'zj',
    role: 'province',
    county: '330000',
    scope: '@cunmen',
  }));
  nginx = await startNginx({
    config: ({ prefix, ports }) =>
      renderNginxConfig({
        prefix,
        listen: { registry: `127.0.0.1:${ports[0]}` },
        upstreams: { registry: both().map((i) => new URL(i.url).host) },
        workerProcesses: '2',
      }),
  });
}, 120_000);

afterAll(async () => {
  await nginx?.stop();
  for (const i of both()) {
    if (!i) continue;
    await i.app.close();
    await i.storage.close();
  }
  await Promise.all([pg?.stop(), s3?.stop()]);
});

describe('two registry instances on PostgreSQL + S3 behind nginx', () => {
  it('keep all of 50 concurrent publishes of one package sent through nginx, each once', async () => {
    const versions = Array.from({ length: 50 }, (_, i) => `1.0.${i}`);
    const before = await Promise.all(both().map(publishesAt));
    const answers = await Promise.all(
      versions.map(async (version) => {
        const tarball = makeTarball([
          { path: 'package/package.json', body: JSON.stringify({ name: LIB, version }) },
        ]);
        const res = await fetch(`${nginx.url()}${publishPath(LIB)}`, {
          method: 'PUT',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(publishDocument(LIB, version, tarball)),
        });
        return { status: res.status, body: await res.text() };
      }),
    );
    expect(answers.filter((a) => a.status !== 201)).toEqual([]);
    const after = await Promise.all(both().map(publishesAt));
    const took = after.map((n, i) => n - (before[i] ?? 0));
    expect(took.reduce((a, b) => a + b, 0)).toBe(50);
    expect(Math.min(...took), `publishes per instance: ${took.join(', ')}`).toBeGreaterThan(0);

    for (const base of [nginx.url(), ...both().map((i) => i.url)]) {
      const doc = (await (await fetch(`${base}/${LIB.replace('/', '%2f')}`)).json()) as { versions: object };
      expect(Object.keys(doc.versions).sort(), base).toEqual([...versions].sort());
    }
    const rows = await b.storage.packages.listVersions(LIB);
    expect(rows).toHaveLength(50);
    expect(new Set(rows.map((r) => r.version)).size).toBe(50);
    expect((await a.storage.audit.verify()).ok).toBe(true);
  }, 120_000);
});
