/**
 * Two shell server processes (`cunmen-shell serve`, the built CLI) on one PostgreSQL database, as scale
 * mode runs them behind a load balancer: what one instance writes the other serves at once, a session
 * made on one is good on the other, and of two saves on the same base exactly one wins.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  makeTempDir,
  type StartedPostgres,
  type StartedProcess,
  startPostgres,
  startProcess,
} from '@cunmen/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/identity/passwords.js';
import { DEMO_DIVISIONS } from '../src/storage/demo.js';
import { openStorage } from '../src/storage/index.js';
import { startRegistry, type TestRegistry } from '../test/registry.js';
import { ADMIN_TOKEN, machineryConfig, XIANTAN } from '../test/shell.js';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const PASSWORD = 'correct horse battery';
const admin = { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' };

let pg: StartedPostgres;
let registry: TestRegistry;
let dir: Awaited<ReturnType<typeof makeTempDir>>;
const instances: { process: StartedProcess; url: string }[] = [];

async function serve(name: string, databaseUrl: string, tokenFile: string) {
  const started = await startProcess({
    command: process.execPath,
    args: [
      cli,
      'serve',
      '--port',
      '0',
      '--data',
      join(dir.path, name),
      '--registry',
      registry.url,
      '--admin-token-file',
      tokenFile,
      '--province-key',
      join(dir.path, 'province.pub'),
      '--refresh-minutes',
      '0',
    ],
    env: { SHELL_DATABASE_URL: databaseUrl, CUNMEN_DATA: '', CUNMEN_SHELL_DATA: '', CUNMEN_REGISTRY_URL: '' },
    readyPattern: /cunmen-shell listening on \S+/,
    timeoutMs: 60_000,
  });
  const url = /cunmen-shell listening on (\S+)/.exec(started.output())?.[1] ?? '';
  return { process: started, url };
}

beforeAll(async () => {
  pg = await startPostgres();
  const databaseUrl = await pg.createDatabase('shell');
  registry = await startRegistry();
  await registry.release('@deqing/find-machinery', '1.0.0');
  dir = await makeTempDir('cunmen-shell-instances-');
  const storage = await openStorage(join(dir.path, 'seed'), { databaseUrl });
  await storage.divisions.upsertDivisions(DEMO_DIVISIONS);
  await storage.identity.createUser({
    name: 'xt-zhang',
    displayName: '张建华',
    role: 'resident',
    division: XIANTAN,
    passwordHash: await hashPassword(PASSWORD),
  });
  await storage.close();
  const tokenFile = join(dir.path, 'admin-token');
  writeFileSync(tokenFile, ADMIN_TOKEN);
  // Pinned as an operator would, from the registry's exported key.
  const keys = (await (await fetch(`${registry.url}/-/cunmen/v1/keys`)).json()) as {
    keys: { pem: string }[];
  };
  writeFileSync(join(dir.path, 'province.pub'), keys.keys[0]?.pem ?? '');
  for (const name of ['a', 'b']) instances.push(await serve(name, databaseUrl, tokenFile));
}, 180_000);

afterAll(async () => {
  for (const i of instances) await i.process.stop();
  await registry?.close();
  await pg?.stop();
  await dir?.remove();
});

async function putPortal(url: string, body: Record<string, unknown>) {
  const res = await fetch(`${url}/api/portals/${XIANTAN}`, {
    method: 'PUT',
    headers: admin,
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function snapshotOn(url: string) {
  const res = await fetch(`${url}/api/portals/${XIANTAN}/snapshot`);
  return { status: res.status, etag: res.headers.get('etag'), json: await res.text() };
}

function pair(): [{ url: string }, { url: string }] {
  const [a, b] = instances;
  if (!a || !b) throw new Error('the two instances did not start');
  return [a, b];
}

describe('two shell instances on one PostgreSQL', () => {
  it('serves on B a portal saved through A at once, and the same bytes', async () => {
    const [a, b] = pair();
    expect((await snapshotOn(b.url)).status).toBe(404);
    const saved = await putPortal(a.url, machineryConfig());
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const onA = await snapshotOn(a.url);
    const onB = await snapshotOn(b.url);
    expect(onB).toEqual(onA);
    expect(onB.etag).toBe(saved.body.etag);
    // B has cached version 1 now; a save through A must not leave B serving it.
    const next = await putPortal(a.url, {
      ...machineryConfig(),
      title: { 'zh-CN': '仙潭村' },
      baseVersion: 1,
    });
    expect(next.status).toBe(200);
    expect((await snapshotOn(b.url)).etag).toBe(next.body.etag);
    // A rollback through B is served by A at once too.
    const back = await fetch(`${b.url}/api/portals/${XIANTAN}/rollback`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ version: 1 }),
    });
    expect(back.status).toBe(200);
    // Version 1 resolved anew: a new snapshot under the number A has cached, which A must not serve.
    const restored = (await back.json()) as { etag: string };
    expect(restored.etag).not.toBe(saved.body.etag);
    const afterRollback = await snapshotOn(a.url);
    expect(JSON.parse(afterRollback.json).portalVersion).toBe(1);
    expect(afterRollback.etag).toBe(restored.etag);
  });

  it('accepts on B a session signed in on A, and ends it on both when signed out on B', async () => {
    const [a, b] = pair();
    const login = await fetch(`${a.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'xt-zhang', password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
    const me = await fetch(`${b.url}/api/auth/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(JSON.stringify(await me.json())).toContain('"xt-zhang"');
    const out = await fetch(`${b.url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(out.status).toBeLessThan(300);
    expect((await fetch(`${a.url}/api/auth/me`, { headers: { cookie } })).status).toBe(401);
  });

  it('lets exactly one of two concurrent saves on the same base win, on either instance', async () => {
    const [a, b] = pair();
    const base = Number(JSON.parse((await snapshotOn(a.url)).json).portalVersion);
    const current = (await (
      await fetch(`${a.url}/api/portals/${XIANTAN}/versions`, { headers: admin })
    ).json()) as {
      current: number;
    };
    const results = await Promise.all(
      [a, b, a, b].map((i, n) =>
        putPortal(i.url, {
          ...machineryConfig(),
          title: { 'zh-CN': `仙潭村 ${n}` },
          baseVersion: current.current,
        }),
      ),
    );
    expect(base).toBeGreaterThan(0);
    const won = results.filter((r) => r.status === 200);
    expect(won).toHaveLength(1);
    for (const lost of results.filter((r) => r.status !== 200)) {
      expect(lost.status).toBe(409);
      expect(lost.body.code).toBe('SHELL_ERR_PORTAL_STALE');
    }
    expect((await snapshotOn(b.url)).etag).toBe(won[0]?.body.etag);
  });

  it('counts the sign-in rate limit across the instances, not per instance', async () => {
    const [a, b] = pair();
    const statuses: number[] = [];
    // 12 attempts, 6 on each: under a limit of 10 a minute per instance, over 10 together.
    for (let n = 0; n < 12; n++) {
      const res = await fetch(`${(n % 2 ? a : b).url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'xt-zhang', password: 'wrong password' }),
      });
      const body = (await res.json()) as { code?: string };
      statuses.push(res.status);
      if (res.status === 429) expect(body.code).toBe('SHELL_ERR_RATE_LIMITED');
    }
    expect(statuses.filter((s) => s !== 429).length).toBeLessThanOrEqual(10);
    expect(statuses.at(-1)).toBe(429);
  });
});
