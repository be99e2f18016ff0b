/**
 * Scale mode with two (then three) `cunmen-registry serve` processes on one PostgreSQL and one S3
 * bucket, sharing one signing key file: concurrent publishes spread over the instances are all kept
 * once; a change on one instance is what the other serves at once (no stale packument); a SIGKILL of an
 * instance in the middle of publishes leaves only complete versions.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTarball, makeTempDir } from '@cunmen/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage } from '../src/storage/index.js';
import { scaleOptions } from '../test/backends.js';
import { type RunningRegistry, runRegistryWith, sendPublish, serveRegistry } from '../test/e2e.js';
import { widgetTarball } from '../test/fixtures.js';

const LIB = '@cunmen/scale-lib';
let env: Record<string, string>;
let scale: Awaited<ReturnType<typeof scaleOptions>>;
let keyFile: string;
let a: RunningRegistry;
let b: RunningRegistry;
const tokens = { province: '', deqing: '' };

function library(version: string, extraBytes = 0): Buffer {
  const entries = [{ path: 'package/package.json', body: JSON.stringify({ name: LIB, version }) }];
  if (extraBytes > 0)
    entries.push({ path: 'package/blob.bin', body: randomBytes(extraBytes).toString('base64') });
  return makeTarball(entries);
}

async function packument(
  base: string,
  name: string,
): Promise<Record<string, unknown> & { versions?: object }> {
  const res = await fetch(`${base}/${name.replace('/', '%2f')}`);
  return res.status === 200 ? ((await res.json()) as Record<string, unknown>) : { status: res.status };
}

async function addUser(name: string, county: string, scope: string, role = 'county'): Promise<string> {
  const dir = join(keyFile, '..', 'cli');
  const r = await runRegistryWith(
    env,
    ...['user', 'add', '--name', name, '--role', role, '--county', county, '--scope', scope, '--data', dir],
  );
  expect(r.code, r.stderr).toBe(0);
  return r.stdout.trim();
}

async function serve(name: string): Promise<RunningRegistry> {
  const data = (await makeTempDir(`cunmen-scale-${name}-`)).path;
  return serveRegistry(data, { publicUrl: 'self', env, args: ['--signing-key', keyFile] });
}

beforeAll(async () => {
  scale = await scaleOptions();
  env = {
    REGISTRY_DATABASE_URL: scale.databaseUrl,
    CUNMEN_S3_ENDPOINT: scale.s3.endpoint,
    CUNMEN_S3_BUCKET: scale.s3.bucket,
    CUNMEN_S3_ACCESS_KEY_ID: scale.s3.accessKeyId,
    CUNMEN_S3_SECRET_ACCESS_KEY: scale.s3.secretAccessKey,
  };
  keyFile = join((await makeTempDir('cunmen-scale-key-')).path, 'province-ed25519.key');
  tokens.province = await addUser('zj', '330000', '@cunmen', 'province');
  tokens.deqing = await addUser('dq', '330521', '@deqing');
  [a, b] = await Promise.all([serve('a'), serve('b')]);
}, 120_000);

afterAll(async () => {
  await Promise.all([a?.proc.stop(), b?.proc.stop()]);
});

describe('two registry instances on one PostgreSQL and one bucket', () => {
  it('sign with the one key file and agree on it', async () => {
    const ids = await Promise.all(
      [a, b].map(async (r) => {
        const body = (await (await fetch(`${r.base}/-/cunmen/v1/keys`)).json()) as {
          keys: { keyId: string }[];
        };
        return body.keys.map((k) => k.keyId);
      }),
    );
    expect(ids[0]).toHaveLength(1);
    expect(ids[0]?.[0]).toMatch(/^[0-9a-f]{16}$/);
    expect(ids[1]).toEqual(ids[0]);
    const exported = await runRegistryWith(
      { REGISTRY_SIGNING_KEY_FILE: keyFile },
      'key',
      'export',
      '--data',
      keyFile,
    );
    expect(exported.stdout).toBe(readFileSync(`${keyFile}.pub`, 'utf8'));
  });

  it('keep all of 50 concurrent publishes of one package spread over both, each once', async () => {
    const versions = Array.from({ length: 50 }, (_, i) => `1.0.${i}`);
    const statuses = await Promise.all(
      versions.map((v, i) => sendPublish((i % 2 ? b : a).base, tokens.province, LIB, v, library(v))),
    );
    expect(statuses.map((r) => r.status)).toEqual(versions.map(() => 201));
    for (const r of [a, b]) {
      const doc = await packument(r.base, LIB);
      expect(Object.keys(doc.versions ?? {}).sort()).toEqual([...versions].sort());
    }
    const storage = await openStorage((await makeTempDir('cunmen-scale-check-')).path, scale);
    try {
      const rows = await storage.packages.listVersions(LIB);
      expect(rows).toHaveLength(50);
      expect(new Set(rows.map((r) => r.version)).size).toBe(50);
      const audit = await storage.audit.verify();
      expect(audit.ok).toBe(true);
      expect(
        (await storage.audit.list({ limit: 1000 })).filter((e) => e.action === 'version.publish'),
      ).toHaveLength(50);
    } finally {
      await storage.close();
    }
  }, 120_000);

  it('refuses the second of two publishes of one version racing on both instances', async () => {
    const bytes = library('2.0.0');
    const [ra, rb] = await Promise.all(
      [a, b].map((r) => sendPublish(r.base, tokens.province, LIB, '2.0.0', bytes)),
    );
    expect([ra?.status, rb?.status].sort()).toEqual([201, 409]);
  });

  it('serves on B at once what was published and approved on A, and A what B re-tagged', async () => {
    const name = '@deqing/find-machinery';
    const published = await sendPublish(a.base, tokens.deqing, name, '1.0.0', widgetTarball(name, '1.0.0'));
    expect(published.status).toBe(201);
    expect((await packument(b.base, name)).versions ?? {}).toEqual({}); // pending: nothing to install yet
    const approved = await fetch(`${a.base}/-/cunmen/v1/review/@deqing/find-machinery/1.0.0/approve`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.province}`, 'content-type': 'application/json' },
      body: JSON.stringify({ capabilities: [] }),
    });
    expect(approved.status).toBe(200);
    const onB = await packument(b.base, name);
    expect(Object.keys(onB.versions ?? {})).toEqual(['1.0.0']);
    expect(onB['dist-tags']).toEqual({ latest: '1.0.0' });
    const tagged = await fetch(`${b.base}/-/package/${name.replace('/', '%2f')}/dist-tags/stable`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${tokens.deqing}`, 'content-type': 'application/json' },
      body: JSON.stringify('1.0.0'),
    });
    expect(tagged.status).toBeLessThan(300);
    expect((await packument(a.base, name))['dist-tags']).toEqual({ latest: '1.0.0', stable: '1.0.0' });
  });

  it('keeps only complete versions when an instance is killed (SIGKILL) during publishes', async () => {
    const c = await serve('c');
    const versions = Array.from({ length: 12 }, (_, i) => `3.0.${i}`);
    const sent = versions.map((v, i) =>
      sendPublish((i % 2 ? c : a).base, tokens.province, LIB, v, library(v, 1_500_000)).then(
        (r) => r.status,
        () => null,
      ),
    );
    await new Promise((r) => setTimeout(r, 150));
    await c.proc.stop('SIGKILL');
    const statuses = await Promise.all(sent);
    // Every publish to A went through; the killed instance's either did or left no trace.
    expect(statuses.filter((_, i) => i % 2 === 0)).toEqual(
      versions.filter((_, i) => i % 2 === 0).map(() => 201),
    );

    const doc = await packument(a.base, LIB);
    const listed = Object.entries(doc.versions ?? {}).filter(([v]) => v.startsWith('3.0.'));
    for (const [i, v] of versions.entries()) {
      if (statuses[i] === 201) expect(listed.map(([k]) => k)).toContain(v);
    }
    for (const [version, meta] of listed) {
      const dist = (meta as { dist: { tarball: string; integrity: string } }).dist;
      const res = await fetch(dist.tarball.replace(/^https?:\/\/[^/]+/, a.base));
      expect(res.status, version).toBe(200);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(`sha512-${createHash('sha512').update(bytes).digest('base64')}`, version).toBe(dist.integrity);
    }
    // A publish the killed instance lost can be sent again; one it kept is refused as existing.
    for (const [i, v] of versions.entries()) {
      if (i % 2 === 0) continue;
      const again = await sendPublish(a.base, tokens.province, LIB, v, library(v, 10));
      expect(again.status, v).toBe(listed.some(([k]) => k === v) ? 409 : 201);
    }
  }, 120_000);
});
