import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { S3ObjectStore } from '@cunmen/object-store';
import {
  makeTempDir,
  type StartedPostgres,
  type StartedS3,
  startPostgres,
  startS3,
} from '@cunmen/test-utils';
import pg from 'pg';
import { create, extract } from 'tar';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createScaleBackup, restoreScaleBackup, ScaleBackupError } from './index.js';
import { fingerprintTables } from './tables.js';

let pgServer: StartedPostgres;
let s3: StartedS3;
let tmp: Awaited<ReturnType<typeof makeTempDir>>;
let n = 0;

beforeAll(async () => {
  [pgServer, s3] = await Promise.all([startPostgres(), startS3()]);
  tmp = await makeTempDir('cunmen-scale-backup-');
});
afterAll(async () => {
  await Promise.allSettled([pgServer?.stop(), s3?.stop(), tmp?.remove()]);
});

async function bucket(): Promise<S3ObjectStore> {
  const store = new S3ObjectStore({
    endpoint: s3.endpoint,
    bucket: `bucket-${++n}`,
    accessKeyId: s3.accessKeyId,
    secretAccessKey: s3.secretAccessKey,
  });
  await store.ensureBucket();
  return store;
}

async function sql<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

async function fingerprint(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fingerprintTables(client);
  } finally {
    await client.end();
  }
}

/** A small service: a trigram-indexed Chinese table, JSON, bytes, a sequence, and objects with types. */
async function seededService() {
  const databaseUrl = await pgServer.createDatabase(`src_${++n}`);
  await sql(databaseUrl, 'CREATE EXTENSION IF NOT EXISTS pg_trgm');
  await sql(
    databaseUrl,
    `CREATE TABLE widgets (id serial PRIMARY KEY, name text NOT NULL, meta jsonb, icon bytea);
     CREATE INDEX widgets_name_trgm ON widgets USING gin (name gin_trgm_ops);
     CREATE TABLE audit (seq bigint PRIMARY KEY, at timestamptz NOT NULL DEFAULT now())`,
  );
  for (const name of ['垃圾分类预约', '农机共享', '三务公开']) {
    await sql(databaseUrl, 'INSERT INTO widgets (name, meta, icon) VALUES ($1, $2, $3)', [
      name,
      { county: '德清县', n: name.length },
      Buffer.from(name),
    ]);
  }
  const objects = await bucket();
  await objects.put('sha256/ab/abcdef', Buffer.from('tarball bytes'), { contentType: 'application/gzip' });
  await objects.put('photos/330521/1.jpg', Buffer.from([0xff, 0xd8, 0xff, 1, 2, 3]), {
    contentType: 'image/jpeg',
  });
  return { databaseUrl, objects };
}

async function emptyTarget() {
  return { databaseUrl: await pgServer.createDatabase(`dst_${++n}`), objects: await bucket() };
}

async function keys(store: S3ObjectStore): Promise<string[]> {
  const out: string[] = [];
  for await (const o of store.list()) out.push(o.key);
  return out.sort();
}

describe('a scale-mode backup', () => {
  let source: Awaited<ReturnType<typeof seededService>>;
  let file = '';
  const keyFile = () => join(tmp.path, 'province.key');

  beforeEach(async () => {
    source = await seededService();
    writeFileSync(keyFile(), 'PRIVATE KEY');
    file = join(tmp.path, `backup-${++n}.tar.gz`);
  });

  it('restores into an empty database and bucket exactly: every table by rows and content, every object by bytes and type', async () => {
    const made = await createScaleBackup(
      { service: 'registry', ...source, files: [{ name: 'signing.key', path: keyFile() }] },
      file,
    );
    expect(made).toMatchObject({ service: 'registry', tables: 2, rows: 3, objects: 2 });
    expect(readFileSync(file).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));

    const target = await emptyTarget();
    const keyCopy = join(tmp.path, `restored-${n}.key`);
    const restored = await restoreScaleBackup(file, {
      service: 'registry',
      ...target,
      files: { 'signing.key': keyCopy },
    });
    expect(restored).toMatchObject({ tables: 2, rows: 3, objects: 2 });
    expect(await fingerprint(target.databaseUrl)).toEqual(await fingerprint(source.databaseUrl));
    // The trigram index came back too, so Chinese search works on the restored database.
    const found = await sql<{ name: string }>(
      target.databaseUrl,
      "SELECT name FROM widgets WHERE name LIKE '%垃圾%'",
    );
    expect(found).toEqual([{ name: '垃圾分类预约' }]);
    expect(await keys(target.objects)).toEqual(['photos/330521/1.jpg', 'sha256/ab/abcdef']);
    expect((await target.objects.get('sha256/ab/abcdef'))?.toString()).toBe('tarball bytes');
    expect((await target.objects.head('photos/330521/1.jpg'))?.contentType).toBe('image/jpeg');
    expect(readFileSync(keyCopy, 'utf8')).toBe('PRIVATE KEY');
  });

  it('records the one snapshot it dumped while writes go on', async () => {
    // One connection for the writer: a connection per insert was so slow on a loaded machine that
    // hardly any write fell inside the dump.
    const writer = new pg.Client({ connectionString: source.databaseUrl });
    await writer.connect();
    let writing = true;
    let seq = 0;
    const writes = (async () => {
      while (writing) await writer.query('INSERT INTO audit (seq) VALUES ($1)', [++seq]);
    })();
    try {
      // The dump starts in the middle of the writes, not before the first.
      while (seq < 5) await new Promise((resolve) => setTimeout(resolve, 5));
      await createScaleBackup({ service: 'shell', ...source }, file);
      // And they go on after its snapshot was taken.
      const after = seq;
      while (seq < after + 5) await new Promise((resolve) => setTimeout(resolve, 5));
    } finally {
      writing = false;
      await writes;
      await writer.end();
    }
    const count = async (url: string) =>
      Number((await sql<{ n: string }>(url, 'SELECT count(*)::text AS n FROM audit'))[0]?.n);
    // The restore compares every table with the fingerprint taken at backup time: had the counts been
    // read outside the dump's snapshot, the audit table would differ and the restore would refuse.
    const target = await emptyTarget();
    await expect(restoreScaleBackup(file, { service: 'shell', ...target })).resolves.toMatchObject({
      tables: 2,
    });
    const restored = await count(target.databaseUrl);
    expect(restored).toBeGreaterThanOrEqual(5);
    expect(restored).toBeLessThan(await count(source.databaseUrl));
  });

  it('never overwrites an existing file', async () => {
    writeFileSync(file, 'keep me');
    await expect(createScaleBackup({ service: 'shell', ...source }, file)).rejects.toThrow(
      new ScaleBackupError(`${file} already exists; give a new file name`),
    );
    expect(readFileSync(file, 'utf8')).toBe('keep me');
  });

  describe('refuses a restore and writes nothing', () => {
    beforeEach(async () => {
      await createScaleBackup({ service: 'registry', ...source }, file);
    });

    async function expectUntouched(target: Awaited<ReturnType<typeof emptyTarget>>, tables: number) {
      const rows = await sql(target.databaseUrl, "SELECT 1 FROM pg_tables WHERE schemaname = 'public'");
      expect(rows.length).toBe(tables);
    }

    it('into a database that already has tables', async () => {
      const target = await emptyTarget();
      await sql(target.databaseUrl, 'CREATE TABLE live (id int)');
      await expect(restoreScaleBackup(file, { service: 'registry', ...target })).rejects.toThrow(
        'the database already has 1 table(s) (live…): restore into a new, empty database',
      );
      await expectUntouched(target, 1);
      expect(await keys(target.objects)).toEqual([]);
    });

    it('into a bucket that is not empty', async () => {
      const target = await emptyTarget();
      await target.objects.put('live/1', Buffer.from('x'));
      await expect(restoreScaleBackup(file, { service: 'registry', ...target })).rejects.toThrow(
        'the bucket is not empty (it holds live/1): restore into a new, empty bucket',
      );
      await expectUntouched(target, 0);
      expect(await keys(target.objects)).toEqual(['live/1']);
    });

    it('of another service', async () => {
      const target = await emptyTarget();
      await expect(restoreScaleBackup(file, { service: 'shell', ...target })).rejects.toThrow(
        `${file} is a backup of the registry, not of the shell`,
      );
      await expectUntouched(target, 0);
    });

    it('with a damaged object, naming it', async () => {
      const unpacked = join(tmp.path, `unpacked-${++n}`);
      (await import('node:fs')).mkdirSync(unpacked);
      await extract({ file, cwd: unpacked });
      writeFileSync(join(unpacked, 'objects/sha256/ab/abcdef'), 'tarball bytez');
      const damaged = join(tmp.path, `damaged-${n}.tar.gz`);
      await create({ gzip: true, file: damaged, cwd: unpacked }, ['backup.json', 'database.dump', 'objects']);
      const target = await emptyTarget();
      await expect(restoreScaleBackup(damaged, { service: 'registry', ...target })).rejects.toThrow(
        'object sha256/ab/abcdef does not match its hash in backup.json: the backup is damaged',
      );
      await expectUntouched(target, 0);
      expect(await keys(target.objects)).toEqual([]);
    });

    it('of a file that is not a backup', async () => {
      const other = join(tmp.path, `other-${++n}.tar.gz`);
      writeFileSync(other, 'not gzip');
      const target = await emptyTarget();
      await expect(restoreScaleBackup(other, { service: 'registry', ...target })).rejects.toThrow(
        /is not a readable backup \(\.tar\.gz\)/,
      );
      await expectUntouched(target, 0);
    });
  });

  it('names the missing dump program', async () => {
    const saved = process.env.PG_BIN;
    process.env.PG_BIN = join(tmp.path, 'no-such-bin');
    try {
      await expect(createScaleBackup({ service: 'shell', ...source }, file)).rejects.toThrow(
        `pg_dump not found (${join(tmp.path, 'no-such-bin', 'pg_dump')}): install PostgreSQL's client programs of the server's major version, or set PG_BIN to their directory`,
      );
      expect(existsSync(file)).toBe(false);
    } finally {
      process.env.PG_BIN = saved;
    }
  });
});
