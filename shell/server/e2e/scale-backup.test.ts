/**
 * `cunmen-shell backup` and `restore` in scale mode: a shell database and bucket with portals, the audit
 * log, accounts and module blobs, backed up with the CLI, restored into a new database and bucket, and
 * read back the same; the refusals (embedded mode, a database that holds data) change nothing.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VillageConfig } from '@cunmen/manifest';
import {
  makeTempDir,
  runCommand,
  type StartedPostgres,
  type StartedS3,
  startPostgres,
  startS3,
} from '@cunmen/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DIVISIONS } from '../src/storage/demo.js';
import { openStorage } from '../src/storage/index.js';
import type { Storage } from '../src/storage/types.js';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const V = '330521107201';
const PHOTO = Buffer.from('a complaint photo');

let pg: StartedPostgres;
let s3: StartedS3;
let dir: Awaited<ReturnType<typeof makeTempDir>>;
let photoSha = '';
const targets: Record<'source' | 'target', { databaseUrl: string; bucket: string }> = {
  source: { databaseUrl: '', bucket: 'shell-source' },
  target: { databaseUrl: '', bucket: 'shell-target' },
};

const config = (version: number): VillageConfig => ({
  village: V,
  version,
  title: { 'zh-CN': '仙潭村' },
  theme: { elderlyByDefault: true },
  widgets: [],
});

function open(side: 'source' | 'target'): Promise<Storage> {
  const t = targets[side];
  return openStorage(join(dir.path, side), {
    databaseUrl: t.databaseUrl,
    s3: {
      endpoint: s3.endpoint,
      bucket: t.bucket,
      accessKeyId: s3.accessKeyId,
      secretAccessKey: s3.secretAccessKey,
    },
  });
}

const run = (side: 'source' | 'target', command: string, file: string, scale = true) =>
  runCommand(
    process.execPath,
    [
      ...[cli, command, file, '--data', join(dir.path, side)],
      ...(scale ? ['--database-url', targets[side].databaseUrl, '--s3-endpoint', s3.endpoint] : []),
      ...(scale ? ['--s3-bucket', targets[side].bucket] : []),
    ],
    {
      env: {
        CUNMEN_DATA: '',
        CUNMEN_SHELL_DATA: '',
        SHELL_DATABASE_URL: '',
        DATABASE_URL: '',
        CUNMEN_S3_ENDPOINT: '',
        CUNMEN_S3_ACCESS_KEY_ID: s3.accessKeyId,
        CUNMEN_S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
      },
    },
  );

beforeAll(async () => {
  [pg, s3] = await Promise.all([startPostgres(), startS3()]);
  dir = await makeTempDir('cunmen-shell-scale-backup-');
  targets.source.databaseUrl = await pg.createDatabase('shell_source');
  targets.target.databaseUrl = await pg.createDatabase('shell_target');
  const storage = await open('source');
  try {
    await storage.divisions.upsertDivisions(DEMO_DIVISIONS);
    await storage.portals.savePortal({
      village: V,
      actor: 'cadre',
      build: (version) => ({
        config: config(version),
        snapshot: { json: '{"t":"仙潭村"}', etag: '"1"', warnings: [], resolvedAt: 'now' },
      }),
    });
    await storage.identity.createUser({
      name: 'xt-zhang',
      displayName: '张建华',
      role: 'resident',
      division: V,
    });
    for (const action of ['portal.save', 'user.add'])
      await storage.audit.append({ actor: 'cadre', action, subject: V });
    photoSha = await storage.modules.blobs('complaints').put(PHOTO);
  } finally {
    await storage.close();
  }
}, 120_000);

afterAll(async () => {
  await Promise.allSettled([pg?.stop(), s3?.stop()]);
  await dir?.remove();
});

describe('cunmen-shell backup and restore (scale mode)', () => {
  const file = () => join(dir.path, 'shell-scale.tar.gz');

  it('restores the database and the bucket into new ones that read back the same', async () => {
    const backup = await run('source', 'backup', file());
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(
      new RegExp(
        `^backed up the shell's \\d+ tables \\(\\d+ rows\\) and 1 objects \\(\\d+ bytes\\) to ${file()}\\n$`,
      ),
    );
    const restore = await run('target', 'restore', file());
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    const counts = backup.stdout.match(/shell's (.*) to /)?.[1];
    expect(restore.stdout).toBe(`restored the shell's ${counts} from ${file()}\n`);

    const [a, b] = [await open('source'), await open('target')];
    try {
      expect(await b.portals.currentRef(V)).toEqual(await a.portals.currentRef(V));
      expect(await b.audit.verify()).toEqual(await a.audit.verify());
      expect((await b.audit.verify()).ok).toBe(true);
      expect(await b.identity.findUserByName('xt-zhang')).toEqual(
        await a.identity.findUserByName('xt-zhang'),
      );
      expect(await b.modules.blobs('complaints').get(photoSha)).toEqual(PHOTO);
    } finally {
      await a.close();
      await b.close();
    }
  }, 120_000);

  it('refuses a restore into a database that holds data, and changes nothing', async () => {
    const storage = await open('target');
    const before = await storage.audit.verify();
    await storage.close();
    const again = await run('target', 'restore', file());
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr).toMatch(
      /the database already has \d+ table\(s\) \(.*\): restore into a new, empty database/,
    );
    const after = await open('target');
    expect(await after.audit.verify()).toEqual(before);
    await after.close();
  }, 60_000);

  it('refuses in embedded mode, naming what to do instead', async () => {
    const embedded = await run('source', 'backup', join(dir.path, 'embedded.tar.gz'), false);
    expect(embedded.code).toBe(1);
    expect(embedded.stderr).toContain(
      'backup and restore here are for scale mode (give --database-url and --s3-endpoint, or their environment variables, as the instances have them)',
    );
  }, 60_000);
});
