import { join } from 'node:path';
import { makeTempDir } from '@cunmen/test-utils';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { sqliteDialect } from '../dialect/sqlite.js';
import { migrateDatabase, openDatabase } from '../sqlite/database.js';
import type { NewVersion } from '../types.js';
import { SqlAccountStore } from './account-store.js';
import { SqlPackageStore } from './package-store.js';

/** Both stores over one fresh database, as `openStorage` puts them together. */
async function openStore() {
  const db = openDatabase(join((await makeTempDir('cunmen-meta-')).path, 'registry.db'));
  await migrateDatabase(db);
  const accounts = new SqlAccountStore(db);
  const packages = new SqlPackageStore(db, sqliteDialect);
  return { db, accounts, packages, close: () => db.destroy() };
}

const COUNTY_USER = { name: 'u', role: 'county', county: '330521', scope: '@deqing' } as const;

function version(v: string, userId: number): NewVersion {
  return {
    name: '@deqing/x',
    version: v,
    packageJson: { name: '@deqing/x', version: v },
    manifest: { name: '@deqing/x' },
    integrity: 'sha512-x',
    shasum: 'abc',
    kind: 'widget',
    blobSha256: v.replace(/\D/g, '').padEnd(64, 'a'),
    tarballSize: 10,
    unpackedSize: 20,
    files: [{ path: 'package.json', size: 20, integrity: 'sha384-x' }],
    checks: [],
    assets: [],
    requestedTag: 'latest',
    publishedBy: userId,
  };
}

describe('the SQLite account and package stores', () => {
  it('runs in WAL mode and migrates twice without harm', async () => {
    const store = await openStore();
    await migrateDatabase(store.db);
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db);
    expect(mode.rows[0]?.journal_mode).toBe('wal');
    await store.close();
  });

  it('finds a user by token hash until the token is unknown', async () => {
    const store = await openStore();
    const user = await store.accounts.createUser(COUNTY_USER);
    await store.accounts.addToken(user.id, 'hash-1');
    expect((await store.accounts.findUserByTokenHash('hash-1'))?.name).toBe('u');
    expect(await store.accounts.findUserByTokenHash('hash-2')).toBeNull();
    await store.close();
  });

  it('keeps (name, version) unique and approves with the requested dist-tag', async () => {
    const store = await openStore();
    const user = await store.accounts.createUser(COUNTY_USER);
    expect(await store.packages.insertVersion(version('1.0.0', user.id))).toBe(true);
    expect(await store.packages.insertVersion(version('1.0.0', user.id))).toBe(false);
    expect(await store.packages.countVersions('@deqing/x')).toBe(1);
    expect(await store.packages.listVersions('@deqing/x', 'approved')).toEqual([]);
    expect(await store.packages.getDistTags('@deqing/x')).toEqual({});

    const approval = { reviewerId: user.id, grantedCapabilities: ['store.read'], signature: 'sig' };
    expect(await store.packages.approveVersion('@deqing/x', '1.0.0', approval)).toBe('approved');
    expect(await store.packages.approveVersion('@deqing/x', '1.0.0', approval)).toBe('not-pending');
    expect(await store.packages.approveVersion('@deqing/x', '9.9.9', approval)).toBe('not-pending');
    expect(await store.packages.getDistTags('@deqing/x')).toEqual({ latest: '1.0.0' });
    const approved = await store.packages.listVersions('@deqing/x', 'approved');
    expect(
      approved.map((v) => [v.version, v.status, v.reviewedBy, v.grantedCapabilities, v.signature]),
    ).toEqual([['1.0.0', 'approved', user.id, ['store.read'], 'sig']]);
    await store.close();
  });

  it('keeps an unpublished version row, so its number stays taken, and drops its dist-tags', async () => {
    const store = await openStore();
    const user = await store.accounts.createUser(COUNTY_USER);
    await store.packages.insertVersion(version('1.0.0', user.id));
    await store.packages.approveVersion('@deqing/x', '1.0.0', {
      reviewerId: null,
      grantedCapabilities: [],
      signature: 's',
    });
    await store.packages.markUnpublished('@deqing/x', '1.0.0');
    expect(await store.packages.getDistTags('@deqing/x')).toEqual({});
    expect((await store.packages.getVersion('@deqing/x', '1.0.0'))?.status).toBe('unpublished');
    expect(await store.packages.insertVersion(version('1.0.0', user.id))).toBe(false);
    await store.close();
  });
});
