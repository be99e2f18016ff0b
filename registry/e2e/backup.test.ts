import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CommandResult, makeTempDir, type StartedProcess } from '@cunmen/test-utils';
import BetterSqlite3 from 'better-sqlite3';
import { create, extract } from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUserWithCli, runRegistry as run, sendPublish, serveRegistry } from '../test/e2e.js';
import { widgetTarball } from '../test/fixtures.js';
import { type Fetched, get, readsOf } from '../test/reads.js';
import { snapshotTree } from '../test/tree.js';

const NAME = '@deqing/find-machinery';
const PUBLIC_URL = 'https://registry.example.gov.cn';
const startServer = (data: string) => serveRegistry(data, { publicUrl: PUBLIC_URL });

const tarballs = new Map<string, Buffer>();
for (const version of ['1.0.0', '1.1.0']) tarballs.set(version, widgetTarball(NAME, version));
const reads = (base: string) => readsOf(base, NAME, tarballs);

let tmp: string;
let source: string;
let restored: string;
let backupFile: string;
let before: Record<string, Fetched>;
let after: Record<string, Fetched>;
let auditBefore: CommandResult;
let verifyBefore: CommandResult;
let backupRun: CommandResult;
let restoreRun: CommandResult;
let readsDuringBackup: number[];
let server1: StartedProcess | undefined;
let server2: StartedProcess | undefined;

beforeAll(async () => {
  tmp = (await makeTempDir('cunmen-registry-backup-e2e-')).path;
  source = join(tmp, 'data');
  restored = join(tmp, 'restored');
  backupFile = join(tmp, 'registry-backup.tar.gz');

  const first = await startServer(source);
  server1 = first.proc;
  const added = await addUserWithCli(source, {
    name: 'deqing-dev',
    role: 'county',
    county: '330521',
    scope: '@deqing',
  });
  expect(added.stderr).toContain('user created');
  const token = added.stdout.trim();
  const reviewer = await addUserWithCli(source, { name: 'zj-review', role: 'province', county: '330000' });
  expect(reviewer.code, reviewer.stderr).toBe(0);

  for (const [version, tarball] of tarballs) {
    const res = await sendPublish(first.base, token, NAME, version, tarball);
    expect(res.status, await res.text()).toBe(201);
    const approved = await run('review', 'approve', `${NAME}@${version}`, '--data', source);
    expect(approved.code, approved.stderr).toBe(0);
  }
  before = await reads(first.base);
  auditBefore = await run('audit', 'list', '--json', '--limit', '10000', '--data', source);
  verifyBefore = await run('audit', 'verify', '--data', source);

  // Back up while the server answers a steady stream of reads.
  let reading = true;
  readsDuringBackup = [];
  const load = (async () => {
    while (reading) {
      const r = await get(`${first.base}/${NAME.replace('/', '%2f')}`);
      readsDuringBackup.push(r.status);
    }
  })();
  backupRun = await run('backup', backupFile, '--data', source);
  reading = false;
  await load;

  restoreRun = await run('restore', backupFile, '--data', restored);
  const second = await startServer(restored);
  server2 = second.proc;
  after = await reads(second.base);
}, 180_000);

afterAll(async () => {
  await server1?.stop();
  await server2?.stop();
});

describe('backup and restore of a running registry', () => {
  it('backs up while serving, with no failed request', () => {
    expect(backupRun.stderr).toBe('');
    expect(backupRun.stdout).toMatch(
      new RegExp(
        `^backed up 2 users, 1 packages, 2 versions, \\d+ blobs and \\d+ audit entries to ${backupFile} \\(\\d+ bytes\\)\\n$`,
      ),
    );
    expect(backupRun.code).toBe(0);
    expect(readsDuringBackup.length).toBeGreaterThan(0);
    expect(new Set(readsDuringBackup)).toEqual(new Set([200]));
    // The backup is the only new file next to the data directory.
    expect(readdirSync(tmp).sort()).toEqual(['data', 'registry-backup.tar.gz', 'restored']);
  });

  it('restores into a new directory with an intact audit log', () => {
    expect(verifyBefore.code).toBe(0);
    expect(verifyBefore.stdout).toMatch(/^audit log intact: \d+ entries, head [0-9a-f]{64}\n$/);
    expect(restoreRun.stderr).toBe('');
    expect(restoreRun.stdout).toBe(
      `${backupRun.stdout.replace(/^backed up /, 'restored ').replace(/ to .*$/s, ` into ${restored}`)}\n${verifyBefore.stdout}`,
    );
    expect(restoreRun.code).toBe(0);
  });

  it('serves the same bytes from the restored directory', () => {
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const [label, got] of Object.entries(after)) {
      const want = before[label] as Fetched;
      expect(want.status, label).toBe(200);
      expect(got.status, label).toBe(200);
      expect(got.headers, label).toEqual(want.headers);
      expect(got.body.equals(want.body), `${label} bytes`).toBe(true);
    }
    for (const [version, bytes] of tarballs) {
      expect(after[`tarball ${version}`]?.body.equals(bytes)).toBe(true);
    }
    const doc = JSON.parse(String(after.packument?.body)) as { versions: Record<string, unknown> };
    expect(Object.keys(doc.versions)).toEqual(['1.0.0', '1.1.0']);
  });

  it('keeps the same audit log rows and signing key', async () => {
    const restoredAudit = await run('audit', 'list', '--json', '--limit', '10000', '--data', restored);
    expect(restoredAudit.code).toBe(0);
    expect(restoredAudit.stdout).toBe(auditBefore.stdout);
    const rows = auditBefore.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { action: string });
    expect(rows.length).toBeGreaterThanOrEqual(4);
    const verify = await run('audit', 'verify', '--data', restored);
    expect(verify.stdout).toBe(verifyBefore.stdout);
    expect(verify.code).toBe(0);

    const keys = await Promise.all([source, restored].map((d) => run('key', 'export', '--data', d)));
    expect(keys[0]?.code).toBe(0);
    expect(keys[1]?.stdout).toBe(keys[0]?.stdout);

    const listed = await run('audit', 'list', '--after', '1', '--limit', '2', '--data', restored);
    const lines = listed.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines.map((l) => l.split('\t')[0])).toEqual(['2', '3']);
    expect(listed.stderr).toBe('more may follow: --after 3\n');
    const bad = await run('audit', 'list', '--limit', 'lots', '--data', restored);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('cunmen-registry: --limit must be a whole number of at least 1, not "lots"');
  });

  describe('refusals change nothing', () => {
    /** Runs a restore that must fail and checks the target's parent is exactly as before. */
    async function refused(file: string, target: string, ...extra: string[]): Promise<CommandResult> {
      const parent = join(target, '..');
      const treeBefore = snapshotTree(parent);
      const entries = readdirSync(parent).sort();
      const result = await run('restore', file, '--data', target, ...extra);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(snapshotTree(parent)).toEqual(treeBefore);
      expect(readdirSync(parent).sort()).toEqual(entries);
      return result;
    }

    beforeAll(async () => {
      // Stopped, so their data directories hold still while the tests compare them.
      await server1?.stop();
      await server2?.stop();
    });

    it('refuses a data directory that already holds a registry', async () => {
      const r = await refused(backupFile, restored);
      expect(r.stderr).toBe(
        `cunmen-registry: ${restored} already holds a registry (registry.db); restore into a new directory, or pass --force to replace it\n`,
      );
    });

    it('refuses a file that is not a backup', async () => {
      const dir = join(tmp, 'not-a-backup');
      mkdirSync(dir);
      writeFileSync(join(dir, 'notes.tar.gz'), 'these are my notes, not a backup\n'.repeat(30));
      const r = await refused(join(dir, 'notes.tar.gz'), join(dir, 'data'));
      expect(r.stderr).toBe(
        `cunmen-registry: ${join(dir, 'notes.tar.gz')} is not a registry backup: it is not a readable .tar.gz (TAR_ENTRY_INVALID: checksum failure)\n`,
      );
      const widget = join(dir, 'widget.tgz');
      writeFileSync(widget, tarballs.get('1.0.0') as Buffer);
      const w = await refused(widget, join(dir, 'data'));
      expect(w.stderr).toBe(
        `cunmen-registry: ${widget} is not a registry backup: unexpected entry package/package.json\n`,
      );
    });

    it('refuses a backup whose blob was altered', async () => {
      const dir = join(tmp, 'tampered');
      const unpacked = join(dir, 'unpacked');
      mkdirSync(unpacked, { recursive: true });
      await extract({ file: backupFile, cwd: unpacked });
      const manifest = JSON.parse(readFileSync(join(unpacked, 'backup.json'), 'utf8')) as {
        blobs: { sha256: string }[];
      };
      const sha = manifest.blobs[0]?.sha256 as string;
      writeFileSync(join(unpacked, 'blobs', 'sha256', sha.slice(0, 2), sha), 'swapped bytes');
      const file = join(dir, 'tampered.tar.gz');
      await create({ gzip: true, file, cwd: unpacked }, Object.keys(snapshotTree(unpacked)).sort());
      const target = join(dir, 'data');
      mkdirSync(target);
      const r = await refused(file, target);
      expect(r.stderr).toBe(
        `cunmen-registry: blob ${sha} in ${file} does not match its sha256 in backup.json\n`,
      );
      expect(readdirSync(target)).toEqual([]);
    });

    it('reports an audit log edited behind its triggers', async () => {
      const db = new BetterSqlite3(join(restored, 'registry.db'));
      db.exec('drop trigger audit_log_no_update');
      db.exec("update audit_log set actor = 'someone-else' where seq = 2");
      db.close();
      const verify = await run('audit', 'verify', '--data', restored);
      expect(verify.stdout).toBe('audit log broken at entry 2: row 2 was changed after it was written\n');
      expect(verify.code).toBe(1);
    });
  });
});
