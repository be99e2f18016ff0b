import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '@cunmen/test-utils';
import BetterSqlite3 from 'better-sqlite3';
import { create, extract } from 'tar';
import { describe, expect, it } from 'vitest';
import { snapshotTree } from '../../../test/tree.js';
import { openStorage } from '../../storage/index.js';
import type { Storage } from '../../storage/types.js';
import { loadOrCreateKeys } from '../keys.js';
import { BackupError, type BackupManifest, createBackup, restoreBackup } from './index.js';

async function seeded(): Promise<{ dir: string; storage: Storage; blobs: string[] }> {
  const dir = (await makeTempDir('cunmen-backup-src-')).path;
  const storage = await openStorage(dir);
  loadOrCreateKeys(dir);
  await storage.accounts.createUser({ name: 'dq', role: 'county', county: '330521', scope: '@deqing' });
  const blobs: string[] = [];
  for (const body of ['one', 'two', 'three']) blobs.push((await storage.blobs.put(Buffer.from(body))).sha256);
  for (let i = 0; i < 5; i++) {
    await storage.audit.append({ actor: 'operator', action: 'test.seed', subject: `s${i}`, detail: { i } });
  }
  return { dir, storage, blobs };
}

async function unpack(file: string): Promise<string> {
  const dir = (await makeTempDir('cunmen-backup-unpacked-')).path;
  await extract({ file, cwd: dir });
  return dir;
}

async function pack(dir: string, file: string, entries?: string[]): Promise<string> {
  const list = entries ?? Object.keys(snapshotTree(dir)).sort();
  await create({ gzip: true, file, cwd: dir, portable: true }, list);
  return file;
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(BackupError);
  return (err as Error).message;
}

describe('createBackup and restoreBackup', () => {
  it('round-trips the database, every blob and the audit log', async () => {
    const { dir, storage, blobs } = await seeded();
    const out = (await makeTempDir('cunmen-backup-out-')).path;
    const file = join(out, 'b.tar.gz');
    writeFileSync(join(dir, 'notes.txt'), 'not registry data');
    // A copy of a public package in the uplink cache: known, and left out on purpose.
    const cached = await storage.uplinkCache.blobs.put(Buffer.from('left-pad tarball'));
    const { manifest, bytes, skipped } = await createBackup(dir, file);
    expect(skipped).toEqual(['notes.txt']);
    expect(manifest.blobs.map((b) => b.sha256)).not.toContain(cached.sha256);
    expect(bytes).toBe(statSync(file).size);
    expect(manifest).toMatchObject({
      format: 'cunmen-registry-backup',
      formatVersion: 1,
      database: { path: 'registry.db' },
      counts: { users: 1, blobs: 3, auditEntries: 5, packages: 0, versions: 0 },
      audit: { ok: true, count: 5 },
    });
    expect(manifest.migrations).toContain('0002-audit');
    expect(manifest.blobs.map((b) => b.sha256).sort()).toEqual([...blobs].sort());
    expect(manifest.keys.map((k) => k.path)).toEqual([
      'keys/province-ed25519.key',
      'keys/province-ed25519.pub',
    ]);
    // It holds the private signing key, so only its owner may read it.
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // Nothing but the backup is left next to it.
    expect(readdirSync(out)).toEqual(['b.tar.gz']);

    const unpacked = await unpack(file);
    const inside = JSON.parse(readFileSync(join(unpacked, 'backup.json'), 'utf8')) as BackupManifest;
    expect(inside).toEqual(manifest);
    expect(
      createHash('sha256')
        .update(readFileSync(join(unpacked, 'registry.db')))
        .digest('hex'),
    ).toBe(manifest.database.sha256);

    const target = join((await makeTempDir('cunmen-backup-dst-')).path, 'data');
    const restored = await restoreBackup(file, target);
    expect(restored.audit).toEqual({ ok: true, count: 5, head: manifest.audit.head });
    expect(restored.replacedDir).toBeNull();
    expect(readdirSync(target).sort()).toEqual(['blobs', 'keys', 'registry.db']);
    const copy = await openStorage(target);
    try {
      expect(await copy.audit.list()).toEqual(await storage.audit.list());
      expect((await copy.accounts.findUserByName('dq'))?.scope).toBe('@deqing');
      for (const sha of blobs) expect(await copy.blobs.has(sha)).toBe(true);
      expect(snapshotTree(join(target, 'blobs'))).toEqual(snapshotTree(join(dir, 'blobs')));
      expect(snapshotTree(join(target, 'keys'))).toEqual(snapshotTree(join(dir, 'keys')));
      expect(loadOrCreateKeys(target).keyId).toBe(loadOrCreateKeys(dir).keyId);
      expect(statSync(join(target, 'keys')).mode & 0o777).toBe(0o700);
      expect(statSync(join(target, 'keys', 'province-ed25519.key')).mode & 0o777).toBe(0o600);
    } finally {
      await copy.close();
      await storage.close();
    }
    expect(readdirSync(join(target, '..'))).toEqual(['data']);
  });

  it('takes a consistent snapshot while another connection keeps appending', async () => {
    const { dir, storage } = await seeded();
    const writer = await openStorage(dir);
    let stop = false;
    const writing = (async () => {
      let n = 0;
      while (!stop) {
        await writer.audit.append({ actor: 'alice', action: 'test.busy', subject: `b${n++}` });
        await new Promise((r) => setImmediate(r));
      }
      return n;
    })();
    const file = join((await makeTempDir('cunmen-backup-out-')).path, 'live.tar.gz');
    const { manifest } = await createBackup(dir, file);
    stop = true;
    expect(await writing).toBeGreaterThan(0);
    await writer.close();
    await storage.close();
    expect(manifest.audit.ok).toBe(true);
    expect(manifest.audit.count).toBe(manifest.counts.auditEntries);
    const target = join((await makeTempDir('cunmen-backup-dst-')).path, 'data');
    const { audit } = await restoreBackup(file, target);
    expect(audit).toEqual({ ok: true, count: manifest.audit.count, head: manifest.audit.head });
  });

  it('refuses a directory without registry.db, an existing output file, and a missing blob', async () => {
    const empty = (await makeTempDir('cunmen-backup-empty-')).path;
    const out = (await makeTempDir('cunmen-backup-out-')).path;
    expect(await refusal(createBackup(empty, join(out, 'x.tar.gz')))).toBe(
      `${empty} is not a registry data directory (no registry.db)`,
    );
    const { dir, storage } = await seeded();
    await storage.close();
    writeFileSync(join(out, 'taken.tar.gz'), 'keep me');
    expect(await refusal(createBackup(dir, join(out, 'taken.tar.gz')))).toBe(
      `${join(out, 'taken.tar.gz')} already exists; give a new file name`,
    );
    expect(readFileSync(join(out, 'taken.tar.gz'), 'utf8')).toBe('keep me');

    const raw = new BetterSqlite3(join(dir, 'registry.db'));
    raw.prepare("insert into blobs (sha256, size, created_at) values (?, 1, 'x')").run('b'.repeat(64));
    raw.close();
    expect(await refusal(createBackup(dir, join(out, 'y.tar.gz')))).toBe(
      `blob ${'b'.repeat(64)} that the database refers to is missing from ${join(dir, 'blobs')}`,
    );
    expect(readdirSync(out)).toEqual(['taken.tar.gz']);
  });

  describe('restore refuses and changes nothing', () => {
    const made = async () => {
      const { dir, storage } = await seeded();
      await storage.close();
      const file = join((await makeTempDir('cunmen-backup-out-')).path, 'good.tar.gz');
      const { manifest } = await createBackup(dir, file);
      return { dir, file, manifest };
    };

    /** Restores into `<parent>/data` and checks the refusal left the parent as it was. */
    async function refusedInto(file: string, prepare?: (target: string) => void): Promise<string> {
      const parent = (await makeTempDir('cunmen-backup-dst-')).path;
      const target = join(parent, 'data');
      prepare?.(target);
      const before = snapshotTree(parent);
      const entries = readdirSync(parent);
      const message = await refusal(restoreBackup(file, target));
      expect(snapshotTree(parent)).toEqual(before);
      expect(readdirSync(parent)).toEqual(entries);
      return message;
    }

    it('when the target already holds a registry, unless forced', async () => {
      const { dir, file, manifest } = await made();
      const other = await seeded();
      await other.storage.close();
      const before = snapshotTree(other.dir);
      expect(await refusal(restoreBackup(file, other.dir))).toBe(
        `${other.dir} already holds a registry (registry.db); restore into a new directory, or pass --force to replace it`,
      );
      expect(snapshotTree(other.dir)).toEqual(before);

      const forced = await restoreBackup(file, other.dir, { force: true });
      expect(forced.audit.head).toBe(manifest.audit.head);
      expect(forced.replacedDir).not.toBeNull();
      expect(snapshotTree(forced.replacedDir as string)).toEqual(before);
      expect(snapshotTree(join(other.dir, 'blobs'))).toEqual(snapshotTree(join(dir, 'blobs')));
    });

    it('when the target is a non-empty directory', async () => {
      const { file } = await made();
      const message = await refusedInto(file, (t) => {
        mkdirSync(t);
        writeFileSync(join(t, 'notes.txt'), 'mine');
      });
      expect(message).toMatch(/data is not empty; restore into a new or empty directory, or pass --force/);
    });

    it('when the file is not a backup', async () => {
      const out = (await makeTempDir('cunmen-backup-bad-')).path;
      writeFileSync(join(out, 'text.tar.gz'), 'this is not an archive\n'.repeat(40));
      expect(await refusedInto(join(out, 'text.tar.gz'))).toBe(
        `${join(out, 'text.tar.gz')} is not a registry backup: it is not a readable .tar.gz (TAR_ENTRY_INVALID: checksum failure)`,
      );
      writeFileSync(join(out, 'empty.tar.gz'), '');
      expect(await refusedInto(join(out, 'empty.tar.gz'))).toBe(
        `${join(out, 'empty.tar.gz')} is not a registry backup: it is not a readable .tar.gz (TAR_BAD_ARCHIVE: Unrecognized archive format)`,
      );
      expect(await refusedInto(join(out, 'missing.tar.gz'))).toBe(
        `${join(out, 'missing.tar.gz')} does not exist`,
      );

      const widget = join(out, 'widget');
      mkdirSync(join(widget, 'package'), { recursive: true });
      writeFileSync(join(widget, 'package', 'package.json'), '{}');
      const tgz = await pack(widget, join(out, 'widget.tgz'));
      expect(await refusedInto(tgz)).toBe(
        `${tgz} is not a registry backup: unexpected entry package/package.json`,
      );

      const noManifest = join(out, 'nomanifest');
      mkdirSync(noManifest);
      writeFileSync(join(noManifest, 'registry.db'), 'x');
      const nm = await pack(noManifest, join(out, 'nm.tar.gz'));
      expect(await refusedInto(nm)).toBe(`${nm} is not a registry backup: it has no readable backup.json`);

      const linked = join(out, 'linked');
      mkdirSync(linked);
      writeFileSync(join(linked, 'backup.json'), '{}');
      symlinkSync('/etc/passwd', join(linked, 'registry.db'));
      const ln = await pack(linked, join(out, 'ln.tar.gz'), ['backup.json', 'registry.db']);
      expect(await refusedInto(ln)).toBe(`${ln} is not a registry backup: unexpected entry registry.db`);
    });

    it('when a blob, the database or the manifest was altered', async () => {
      const { file, manifest } = await made();
      const sha = manifest.blobs[0]?.sha256 as string;

      const blobTampered = await unpack(file);
      writeFileSync(join(blobTampered, 'blobs', 'sha256', sha.slice(0, 2), sha), 'evil');
      const bt = await pack(blobTampered, `${file}.blob.tar.gz`);
      expect(await refusedInto(bt)).toBe(`blob ${sha} in ${bt} does not match its sha256 in backup.json`);

      const keyTampered = await unpack(file);
      writeFileSync(join(keyTampered, 'keys', 'province-ed25519.pub'), 'not the key');
      const kt = await pack(keyTampered, `${file}.key.tar.gz`);
      expect(await refusedInto(kt)).toBe(
        `keys/province-ed25519.pub in ${kt} does not match its sha256 in backup.json`,
      );

      const extra = await unpack(file);
      const fake = createHash('sha256').update('extra').digest('hex');
      mkdirSync(join(extra, 'blobs', 'sha256', fake.slice(0, 2)), { recursive: true });
      writeFileSync(join(extra, 'blobs', 'sha256', fake.slice(0, 2), fake), 'extra');
      const ex = await pack(extra, `${file}.extra.tar.gz`);
      expect(await refusedInto(ex)).toBe(`blob ${fake} in ${ex} is not listed in backup.json`);

      const dropped = await unpack(file);
      const keep = Object.keys(snapshotTree(dropped)).filter((p) => !p.endsWith(sha));
      const dr = await pack(dropped, `${file}.dropped.tar.gz`, keep);
      expect(await refusedInto(dr)).toBe(`blob ${sha} listed in backup.json is missing from ${dr}`);

      const dbTampered = await unpack(file);
      const db = new BetterSqlite3(join(dbTampered, 'registry.db'));
      db.exec("update users set name = 'mallory'");
      db.close();
      const dt = await pack(dbTampered, `${file}.db.tar.gz`);
      expect(await refusedInto(dt)).toBe(`registry.db in ${dt} does not match its sha256 in backup.json`);

      const newer = await unpack(file);
      writeFileSync(join(newer, 'backup.json'), JSON.stringify({ ...manifest, formatVersion: 2 }));
      const nw = await pack(newer, `${file}.newer.tar.gz`);
      expect(await refusedInto(nw)).toBe(
        `${nw} was made by a newer registry (backup format 2); this one reads format 1`,
      );

      const broken = await unpack(file);
      writeFileSync(join(broken, 'backup.json'), JSON.stringify({ ...manifest, blobs: 'many' }));
      const bk = await pack(broken, `${file}.broken.tar.gz`);
      expect(await refusedInto(bk)).toBe(
        `${bk} is not a registry backup: backup.json is invalid at blobs: Invalid input: expected array, received string`,
      );
    });

    it('when the audit log in the backup does not match its manifest', async () => {
      const { file } = await made();
      // A consistent forgery: an edited audit row, with a recomputed database hash in the manifest.
      const forged = await unpack(file);
      const db = new BetterSqlite3(join(forged, 'registry.db'));
      db.exec('drop trigger audit_log_no_update');
      db.exec("update audit_log set subject = 'forged' where seq = 2");
      db.close();
      const m = JSON.parse(readFileSync(join(forged, 'backup.json'), 'utf8')) as BackupManifest;
      const bytes = readFileSync(join(forged, 'registry.db'));
      m.database = {
        ...m.database,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        size: bytes.length,
      };
      writeFileSync(join(forged, 'backup.json'), JSON.stringify(m));
      const fg = await pack(forged, `${file}.forged.tar.gz`);
      expect(await refusedInto(fg)).toBe(
        `the audit log in ${fg} does not match backup.json: broken at entry 2: row 2 was changed after it was written`,
      );
    });
  });
});
