/**
 * `cunmen-registry audit checkpoint` and `audit verify --expect-head` on both back ends: entries deleted
 * off the end behind the triggers are named, a checkpoint not signed by the province key is refused.
 */
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { latestCheckpointFile, readCheckpoint, signCheckpoint } from '@cunmen/audit-log';
import type { CliContext } from '@cunmen/command-line';
import { makeTempDir } from '@cunmen/test-utils';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS, useFreshScaleEnvironment } from '../../test/backends.js';
import { openStorage } from '../storage/index.js';
import { auditCommands, registryCheckpointDir } from './audit.js';
import { scaleSetting } from './scale-options.js';

const SCALE_ENV = [
  'REGISTRY_DATABASE_URL',
  'CUNMEN_S3_ENDPOINT',
  'CUNMEN_S3_BUCKET',
  'CUNMEN_S3_ACCESS_KEY_ID',
  'CUNMEN_S3_SECRET_ACCESS_KEY',
];
const command = (name: string) =>
  auditCommands.find((c) => c.name === name) as (typeof auditCommands)[number];

function context(dataDir: string, values: CliContext['values'] = {}) {
  const out: string[] = [];
  const ctx: CliContext = {
    dataDir,
    values,
    positionals: [],
    out: (text) => void out.push(text),
    err: () => undefined,
    fail: (message) => {
      throw new Error(`usage: ${message}`);
    },
  };
  return { ctx, out };
}

describe.each(BACKENDS)('registry audit checkpoints on %s', (backend) => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  const saved = Object.fromEntries(SCALE_ENV.map((k) => [k, process.env[k]]));

  beforeEach(async () => {
    for (const k of SCALE_ENV) delete process.env[k];
    if (backend === 'postgres') await useFreshScaleEnvironment();
    dir = await makeTempDir('cunmen-registry-audit-');
    const storage = await openStorage(dir.path, scaleSetting({}, process.env).storage);
    for (let i = 1; i <= 5; i++) {
      await storage.audit.append({ actor: 'prov', action: 'version.approve', subject: `@deqing/w@1.0.${i}` });
    }
    await storage.close();
    process.exitCode = undefined;
  }, 120_000);

  afterEach(async () => {
    process.exitCode = undefined;
    for (const k of SCALE_ENV) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
    await dir.remove();
  });

  /** Deletes entries after `keep` the way someone with the database owner's rights could. */
  async function cutTail(keep: number) {
    const url = process.env.REGISTRY_DATABASE_URL;
    if (url) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query('drop trigger audit_log_no_change on audit_log');
      await client.query('delete from audit_log where seq > $1', [keep]);
      await client.end();
    } else {
      const db = new BetterSqlite3(join(dir.path, 'registry.db'));
      db.exec('drop trigger audit_log_no_delete');
      db.prepare('delete from audit_log where seq > ?').run(keep);
      db.close();
    }
  }

  async function run(name: string, values: CliContext['values'] = {}) {
    const { ctx, out } = context(dir.path, values);
    await command(name).run(ctx);
    return { out: out.join(''), exitCode: process.exitCode };
  }

  it('signs a checkpoint with the province key and finds the entries cut off after it', async () => {
    const made = await run('audit checkpoint');
    const file = latestCheckpointFile(registryCheckpointDir(dir.path)) as string;
    const checkpoint = readCheckpoint(file);
    expect(made.out).toBe(`checkpoint ${file}: 5 entries, head ${checkpoint.head}\n`);
    expect((await run('audit verify', { 'expect-head': file })).out).toMatch(
      /^audit log intact: 5 entries, .*; holds the checkpoint of .* \(5 entries\)\n$/,
    );

    await cutTail(2);
    expect((await run('audit verify')).out).toMatch(/^audit log intact: 2 entries/);
    const verified = await run('audit verify', { 'expect-head': file });
    expect(verified.exitCode).toBe(1);
    expect(verified.out).toBe(
      `audit log does not match the checkpoint: entries 3–5 are missing: the log ends at 2, the checkpoint of ${checkpoint.at} saw 5\n`,
    );
  }, 60_000);

  it('refuses a checkpoint not signed by the province key', async () => {
    await run('audit checkpoint');
    const real = readCheckpoint(latestCheckpointFile(registryCheckpointDir(dir.path)) as string);
    const forged = join(dir.path, 'forged.json');
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(forged, JSON.stringify(signCheckpoint({ ...real, count: 5 }, privateKey)));
    const verified = await run('audit verify', { 'expect-head': forged });
    expect(verified.exitCode).toBe(1);
    expect(verified.out).toBe(
      'audit log does not match the checkpoint: the checkpoint signature is not valid for this key (forged or altered)\n',
    );
  }, 60_000);
});
