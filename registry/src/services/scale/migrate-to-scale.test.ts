import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { makeTempDir } from '@cunmen/test-utils';
import { describe, expect, it } from 'vitest';
import { scaleOptions } from '../../../test/backends.js';
import { blobKey } from '../../storage/blobs/object-blob-store.js';
import { openStorage } from '../../storage/index.js';
import { COPIED_TABLES, migrateToScale } from './migrate-to-scale.js';

/** An embedded registry with a bit of everything: users, a token, versions, assets, tags, usage, audit. */
async function embeddedRegistry() {
  const dir = (await makeTempDir('cunmen-migrate-')).path;
  const storage = await openStorage(dir);
  const user = await storage.accounts.createUser({
    name: 'dq',
    role: 'county',
    county: '330521',
    scope: '@deqing',
  });
  await storage.accounts.addToken(user.id, 'token-hash');
  const tarball = await storage.blobs.put(Buffer.from('tarball bytes of 找农机'));
  const asset = await storage.blobs.put(Buffer.from('export default 1;'));
  await storage.packages.insertVersion({
    name: '@deqing/find-machinery',
    version: '1.0.0',
    kind: 'widget',
    packageJson: { name: '@deqing/find-machinery', version: '1.0.0', description: '找农机' },
    manifest: { title: { 'zh-CN': '找农机' }, description: { 'zh-CN': '查找本村农机手' } },
    integrity: 'sha512-x',
    shasum: '0'.repeat(40),
    blobSha256: tarball.sha256,
    tarballSize: tarball.size,
    unpackedSize: 100,
    files: [],
    checks: [],
    requestedTag: 'latest',
    publishedBy: user.id,
    assets: [
      {
        path: 'remoteEntry.js',
        blobSha256: asset.sha256,
        size: asset.size,
        integrity: 'sha384-x',
        contentType: 'text/javascript',
      },
    ],
  });
  await storage.packages.approveVersion('@deqing/find-machinery', '1.0.0', {
    reviewerId: null,
    grantedCapabilities: [],
    signature: 'sig',
  });
  await storage.catalog.reindex('@deqing/find-machinery');
  await storage.catalog.reportPortal('330521100001', [{ name: '@deqing/find-machinery', version: '1.0.0' }]);
  for (const action of ['user.add', 'version.publish', 'version.approve']) {
    await storage.audit.append({ actor: 'operator', action, subject: '@deqing/find-machinery@1.0.0' });
  }
  await storage.close();
  return { dir, tarball, asset, userId: user.id };
}

describe('migrateToScale', () => {
  it('copies every table and blob into PostgreSQL + S3 and proves it by counts and hashes', async () => {
    const { dir, tarball, asset, userId } = await embeddedRegistry();
    const scale = await scaleOptions();
    const report = await migrateToScale(dir, scale);
    expect(report.ok).toBe(true);
    expect(report.tables.map((t) => t.table)).toEqual([...COPIED_TABLES]);
    expect(report.tables.find((t) => t.table === 'audit_log')).toEqual({
      table: 'audit_log',
      source: 3,
      target: 3,
    });
    expect(report.tables.find((t) => t.table === 'versions')).toMatchObject({ source: 1, target: 1 });
    expect(report.blobs.map((b) => b.sha256).sort()).toEqual([tarball.sha256, asset.sha256].sort());

    const copy = await openStorage((await makeTempDir('cunmen-migrated-')).path, scale);
    try {
      expect((await copy.accounts.findUserByTokenHash('token-hash'))?.id).toBe(userId);
      const next = await copy.accounts.createUser({
        name: 'aj',
        role: 'county',
        county: '330523',
        scope: '@anji',
      });
      expect(next.id).toBeGreaterThan(userId);
      expect((await copy.packages.getVersion('@deqing/find-machinery', '1.0.0'))?.status).toBe('approved');
      expect(await copy.packages.getDistTags('@deqing/find-machinery')).toEqual({ latest: '1.0.0' });
      expect((await copy.catalog.search({ words: ['农机'] })).map((e) => e.name)).toEqual([
        '@deqing/find-machinery',
      ]);
      expect(await copy.catalog.reuse('@deqing/find-machinery')).toEqual({ villages: 1, counties: 1 });
      expect(await copy.audit.verify()).toMatchObject({ ok: true, count: 3 });
      const stream = await copy.blobs.get(tarball.sha256);
      expect(stream && (await buffer(stream)).toString()).toBe('tarball bytes of 找农机');
    } finally {
      await copy.close();
    }
    await expect(migrateToScale(dir, scale)).rejects.toThrow(
      'the target database already holds registry data',
    );
  });

  it('reports a blob whose bytes do not match their digest, and fails the verification', async () => {
    const { dir, tarball } = await embeddedRegistry();
    writeFileSync(join(dir, 'blobs', ...blobKey(tarball.sha256).split('/')), 'tampered');
    const report = await migrateToScale(dir, await scaleOptions());
    expect(report.ok).toBe(false);
    expect(report.blobs.find((b) => b.sha256 === tarball.sha256)?.targetSha256).toBe(
      createHash('sha256').update('tampered').digest('hex'),
    );
    expect(report.tables.every((t) => t.source === t.target)).toBe(true);
  });

  it('refuses a directory that holds no registry', async () => {
    const empty = (await makeTempDir('cunmen-empty-')).path;
    await expect(migrateToScale(empty, await scaleOptions())).rejects.toThrow(
      'is not a registry data directory',
    );
  });
});
