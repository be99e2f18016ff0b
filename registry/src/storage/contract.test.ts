/**
 * The storage contract on both back ends (SQLite + files, PostgreSQL + S3) for what two instances must
 * agree on: accounts and web logins, one winner per version, one approval, revisions that move with
 * every visible change, one unforked audit chain, shared rate-limit counters, the uplink cache, blobs.
 * (The catalog's contract is in sql/catalog-store.test.ts.)
 */
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { makeTempDir } from '@cunmen/test-utils';
import { type Kysely, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKENDS, type BackendName, scaleOptions } from '../../test/backends.js';
import { openStorage } from './index.js';
import { openPostgres } from './postgres/database.js';
import { openDatabase } from './sqlite/database.js';
import type { NewVersion, Storage } from './types.js';

const opened: { close(): Promise<unknown> }[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

let rawDb: () => Kysely<unknown>;

/**
 * Two storages on one database and blob store, as two instances of the registry open them; `rawDb`
 * then opens a plain connection to that database (what someone with its password could do). The
 * embedded back end serves one instance by design (one SQLite writer): both are the same storage there.
 */
async function twoInstances(backend: BackendName): Promise<[Storage, Storage]> {
  const dir = (await makeTempDir('cunmen-contract-')).path;
  const scale = backend === 'postgres' ? await scaleOptions() : null;
  const a = await openStorage(dir, scale ?? {});
  const b = scale ? await openStorage((await makeTempDir('cunmen-contract-')).path, scale) : a;
  opened.push(a);
  if (b !== a) opened.push(b);
  rawDb = () => {
    const db = (
      scale ? openPostgres(scale.databaseUrl) : openDatabase(join(dir, 'registry.db'))
    ) as Kysely<unknown>;
    opened.push({ close: () => db.destroy() });
    return db;
  };
  return [a, b];
}

function version(v: string, userId: number, name = '@deqing/x'): NewVersion {
  return {
    name,
    version: v,
    packageJson: { name, version: v },
    manifest: { name },
    integrity: 'sha512-x',
    shasum: 'abc',
    kind: 'widget',
    blobSha256: `${v.replace(/\D/g, '')}${name.length}`.padEnd(64, 'a'),
    tarballSize: 10,
    unpackedSize: 20,
    files: [],
    checks: [],
    assets: [],
    requestedTag: 'latest',
    publishedBy: userId,
  };
}

const APPROVAL = { reviewerId: null, grantedCapabilities: [], signature: 'sig' };
const USER = { name: 'dq', role: 'county', county: '330521', scope: '@deqing' } as const;

describe.each(BACKENDS)('storage contract on %s', (backend) => {
  it('shares users, tokens and web logins between instances; a login token is handed out once', async () => {
    const [a, b] = await twoInstances(backend);
    const user = await a.accounts.createUser(USER);
    await a.accounts.addToken(user.id, 'hash-1');
    expect((await b.accounts.findUserByTokenHash('hash-1'))?.name).toBe('dq');
    expect(await b.accounts.isScopeAssigned('@deqing')).toBe(true);
    const client = { host: 'dev-laptop', ip: '10.0.0.7', agent: 'npm/11' };
    await a.accounts.createWebLogin({ id: 'session-1', doneHash: 'done-1', code: 'ABCD-EFGH', client });
    expect(await b.accounts.findWebLogin('session-1')).toEqual({ code: 'ABCD-EFGH', client });
    // The page's id does not poll, the polling secret does.
    expect(await b.accounts.takeWebLogin('session-1')).toEqual({ state: 'missing' });
    expect(await b.accounts.takeWebLogin('done-1')).toEqual({ state: 'pending' });
    expect(await b.accounts.completeWebLogin('session-1', 'tok')).toBe(true);
    expect(await a.accounts.completeWebLogin('session-1', 'other')).toBe(false);
    expect(await a.accounts.findWebLogin('session-1')).toBeNull();
    const taken = await Promise.all([a.accounts.takeWebLogin('done-1'), b.accounts.takeWebLogin('done-1')]);
    expect(taken.filter((t) => t.state === 'done')).toEqual([{ state: 'done', token: 'tok' }]);
    expect(await b.accounts.revokeToken('hash-1')).toBe(true);
    expect(await a.accounts.findUserByTokenHash('hash-1')).toBeNull();
  });

  it('lets exactly one of two instances insert a version, and approve it', async () => {
    const [a, b] = await twoInstances(backend);
    const user = await a.accounts.createUser(USER);
    const inserted = await Promise.all([
      a.packages.insertVersion(version('1.0.0', user.id)),
      b.packages.insertVersion(version('1.0.0', user.id)),
    ]);
    expect(inserted.sort()).toEqual([false, true]);
    const approved = await Promise.all([
      a.packages.approveVersion('@deqing/x', '1.0.0', APPROVAL),
      b.packages.approveVersion('@deqing/x', '1.0.0', APPROVAL),
    ]);
    expect(approved.sort()).toEqual(['approved', 'not-pending']);
    expect(await b.packages.countVersions('@deqing/x')).toBe(1);
  });

  it('keeps all of many concurrent versions of one package from both instances', async () => {
    const [a, b] = await twoInstances(backend);
    const user = await a.accounts.createUser(USER);
    const versions = Array.from({ length: 30 }, (_, i) => `2.0.${i}`);
    const results = await Promise.all(
      versions.map((v, i) => (i % 2 ? a : b).packages.insertVersion(version(v, user.id))),
    );
    expect(results.every(Boolean)).toBe(true);
    expect((await a.packages.listVersions('@deqing/x')).map((r) => r.version).sort()).toEqual(
      [...versions].sort(),
    );
  });

  it('moves the package revision with every change another instance must see', async () => {
    const [a, b] = await twoInstances(backend);
    const user = await a.accounts.createUser(USER);
    await a.packages.insertVersion(version('1.0.0', user.id));
    const revisions = [(await b.packages.getPackage('@deqing/x'))?.revision];
    const changes = [
      () => a.packages.approveVersion('@deqing/x', '1.0.0', APPROVAL),
      () => a.packages.setDistTag('@deqing/x', 'beta', '1.0.0'),
      () => a.packages.removeDistTag('@deqing/x', 'beta'),
      () => a.packages.setDeprecated('@deqing/x', '1.0.0', 'use 2'),
      () => a.packages.setStandard('@deqing/x', true),
      () => a.packages.markUnpublished('@deqing/x', '1.0.0'),
    ];
    for (const change of changes) {
      await change();
      revisions.push((await b.packages.getPackage('@deqing/x'))?.revision);
    }
    for (let i = 1; i < revisions.length; i++)
      expect(revisions[i]).toBeGreaterThan(revisions[i - 1] as number);
  });

  it('appends to one audit chain from both instances without forking it, and refuses edits', async () => {
    const [a, b] = await twoInstances(backend);
    const write = (s: Storage, who: string) =>
      Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          s.audit.append({ actor: who, action: 'test', subject: `${who}-${i}` }),
        ),
      );
    const [fromA, fromB] = await Promise.all([write(a, 'a'), write(b, 'b')]);
    expect([...fromA, ...fromB].map((r) => r.seq).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
    expect(await b.audit.verify()).toMatchObject({ ok: true, count: 40 });
    // Each dialect's triggers refuse an edit or a deletion through plain SQL.
    const db = rawDb();
    await expect(sql`update audit_log set actor = 'x' where seq = 1`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_log where seq = 1`.execute(db)).rejects.toThrow(/append-only/);
  });

  it('counts rate-limit hits from both instances in one window', async () => {
    const [a, b] = await twoInstances(backend);
    const hits = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).rateLimits.hit('login|10.0.0.1', 60_000)),
    );
    expect(hits.map((h) => h.count).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    expect((await a.rateLimits.hit('login|10.0.0.2', 60_000)).count).toBe(1);
    // A window of 1 ms has passed by the next hit: the count starts again.
    await a.rateLimits.hit('login|10.0.0.3', 1);
    await new Promise((r) => setTimeout(r, 5));
    expect((await b.rateLimits.hit('login|10.0.0.3', 1)).count).toBe(1);
  });

  it('shares blobs and the uplink cache between instances', async () => {
    const [a, b] = await twoInstances(backend);
    const blob = await a.blobs.put(Buffer.from('村门'));
    expect(await b.blobs.has(blob.sha256)).toBe(true);
    const stream = await b.blobs.get(blob.sha256);
    expect(stream && (await buffer(stream)).toString()).toBe('村门');
    const cached = await a.uplinkCache.blobs.put(Buffer.from('left-pad'));
    expect(await b.blobs.has(cached.sha256)).toBe(false);
    const at = new Date().toISOString();
    await a.uplinkCache.putPackument({
      name: 'left-pad',
      form: 'full',
      body: '{}',
      etag: '"1"',
      lastModified: null,
      fetchedAt: at,
      checkedAt: at,
    });
    expect((await b.uplinkCache.getPackument('left-pad', 'full'))?.etag).toBe('"1"');
    await b.uplinkCache.deletePackuments('left-pad');
    expect(await a.uplinkCache.getPackument('left-pad', 'full')).toBeNull();
  });
});
