/**
 * `cunmen-registry backup` and `restore` in scale mode: a registry on PostgreSQL + S3 backed up while it
 * serves reads, restored into a new database and bucket, and the restored registry answering every read
 * byte for byte as the first one, with the same audit chain and signing key; a restore into a database
 * that holds data refused with nothing changed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CommandResult, makeTempDir, type StartedProcess } from '@cunmen/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaleOptions } from '../test/backends.js';
import { runRegistryWith, sendPublish, serveRegistry } from '../test/e2e.js';
import { widgetTarball } from '../test/fixtures.js';
import { type Fetched, get, readsOf } from '../test/reads.js';

const NAME = '@deqing/find-machinery';
const tarballs = new Map<string, Buffer>();
for (const version of ['1.0.0', '1.1.0']) tarballs.set(version, widgetTarball(NAME, version));

let tmp: string;
let backupFile: string;
const envs: Record<'source' | 'target', Record<string, string>> = { source: {}, target: {} };
const keyFiles = { source: '', target: '' };
let before: Record<string, Fetched>;
let after: Record<string, Fetched>;
let backupRun: CommandResult;
let restoreRun: CommandResult;
const readsDuringBackup: number[] = [];
const servers: StartedProcess[] = [];

async function scaleEnv(keyFile: string): Promise<Record<string, string>> {
  const o = await scaleOptions();
  return {
    REGISTRY_DATABASE_URL: o.databaseUrl,
    CUNMEN_S3_ENDPOINT: o.s3.endpoint,
    CUNMEN_S3_BUCKET: o.s3.bucket,
    CUNMEN_S3_ACCESS_KEY_ID: o.s3.accessKeyId,
    CUNMEN_S3_SECRET_ACCESS_KEY: o.s3.secretAccessKey,
    REGISTRY_SIGNING_KEY_FILE: keyFile,
  };
}

const run = (side: 'source' | 'target', ...args: string[]) =>
  runRegistryWith(envs[side], ...args, '--data', join(tmp, side));

async function serve(side: 'source' | 'target') {
  const r = await serveRegistry(join(tmp, side), {
    env: envs[side],
    publicUrl: 'https://registry.example.gov.cn',
  });
  servers.push(r.proc);
  return r;
}

beforeAll(async () => {
  tmp = (await makeTempDir('cunmen-registry-scale-backup-')).path;
  backupFile = join(tmp, 'registry-scale.tar.gz');
  keyFiles.source = join(tmp, 'keys-a', 'province.key');
  keyFiles.target = join(tmp, 'keys-b', 'province.key');
  envs.source = await scaleEnv(keyFiles.source);
  envs.target = await scaleEnv(keyFiles.target);

  const first = await serve('source');
  const added = await run(
    'source',
    'user',
    'add',
    '--name',
    'dq',
    '--role',
    'county',
    '--county',
    '330521',
    '--scope',
    '@deqing',
  );
  expect(added.code, added.stderr).toBe(0);
  for (const [version, tarball] of tarballs) {
    const res = await sendPublish(first.base, added.stdout.trim(), NAME, version, tarball);
    expect(res.status, await res.text()).toBe(201);
    const approved = await run('source', 'review', 'approve', `${NAME}@${version}`);
    expect(approved.code, approved.stderr).toBe(0);
  }
  before = await readsOf(first.base, NAME, tarballs);

  let reading = true;
  const load = (async () => {
    while (reading) readsDuringBackup.push((await get(`${first.base}/${NAME.replace('/', '%2f')}`)).status);
  })();
  backupRun = await run('source', 'backup', backupFile);
  reading = false;
  await load;

  restoreRun = await run('target', 'restore', backupFile);
  after = await readsOf((await serve('target')).base, NAME, tarballs);
}, 240_000);

afterAll(async () => {
  for (const s of servers) await s.stop();
});

describe('backup and restore of a registry in scale mode', () => {
  it('backs up the database, the bucket and the key while serving, with no failed request', () => {
    expect(backupRun.stderr).toBe('');
    expect(backupRun.stdout).toMatch(
      new RegExp(
        `^backed up the registry's \\d+ tables \\(\\d+ rows\\) and \\d+ objects \\(\\d+ bytes\\) and the signing key to ${backupFile}\\n$`,
      ),
    );
    expect(backupRun.code).toBe(0);
    expect(readsDuringBackup.length).toBeGreaterThan(0);
    expect(new Set(readsDuringBackup)).toEqual(new Set([200]));
  });

  it('restores into a new database and bucket that serve the same bytes, audit chain and key', async () => {
    expect(restoreRun.stderr).toBe('');
    expect(restoreRun.code).toBe(0);
    const counts = backupRun.stdout.match(/registry's (.*) and the signing key/)?.[1];
    expect(restoreRun.stdout).toBe(`restored the registry's ${counts} from ${backupFile}\n`);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const [label, got] of Object.entries(after)) {
      const want = before[label] as Fetched;
      expect(want.status, label).toBe(200);
      expect(got.status, label).toBe(200);
      expect(got.headers, label).toEqual(want.headers);
      expect(got.body.equals(want.body), `${label} bytes`).toBe(true);
    }
    expect(readFileSync(keyFiles.target, 'utf8')).toBe(readFileSync(keyFiles.source, 'utf8'));
    const [a, b] = await Promise.all([run('source', 'audit', 'verify'), run('target', 'audit', 'verify')]);
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
  });

  it('refuses a restore into a database that already holds a registry, changing nothing', async () => {
    const auditBefore = await run('target', 'audit', 'list', '--json', '--limit', '10000');
    const again = await run('target', 'restore', backupFile);
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr).toMatch(
      /the database already has \d+ table\(s\) \(.*\): restore into a new, empty database/,
    );
    expect((await run('target', 'audit', 'list', '--json', '--limit', '10000')).stdout).toBe(
      auditBefore.stdout,
    );
  });
});
