/**
 * `audit checkpoint` and `audit verify --expect-head` on both back ends: the last entries deleted behind
 * the triggers are named, a forged checkpoint is refused.
 */
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { latestCheckpointFile, readCheckpoint, signCheckpoint } from '@cunmen/audit-log';
import { makeTempDir } from '@cunmen/test-utils';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS } from '../../test/backends.js';
import { freshDatabase } from '../../test/postgres.js';
import { shellCheckpointDir } from '../storage/audit-checkpoints.js';
import { openStorage } from '../storage/index.js';
import { auditCommands } from './audit.js';
import { testContext } from './test-context.js';

const command = (name: string) =>
  auditCommands.find((c) => c.name === name) as (typeof auditCommands)[number];

describe.each(BACKENDS)('audit checkpoints of the shell on %s', (backend) => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let databaseUrl: string | undefined;
  const values = (extra: Record<string, string> = {}) => ({
    ...(databaseUrl ? { 'database-url': databaseUrl } : {}),
    ...extra,
  });

  beforeEach(async () => {
    dir = await makeTempDir('cunmen-shell-audit-');
    databaseUrl = backend === 'postgres' ? await freshDatabase() : undefined;
    const storage = await openStorage(dir.path, { databaseUrl });
    for (let i = 1; i <= 6; i++) {
      await storage.audit.append({ actor: 'cadre', action: 'portal.save', subject: `village:${i}` });
    }
    await storage.close();
    process.exitCode = undefined;
  });

  afterEach(async () => {
    process.exitCode = undefined;
    await dir.remove();
  });

  async function checkpoint(): Promise<string> {
    const ctx = testContext(dir.path, values());
    await command('audit checkpoint').run(ctx);
    const file = latestCheckpointFile(shellCheckpointDir(dir.path)) as string;
    expect(ctx.stdout.join('')).toBe(`checkpoint ${file}: 6 entries, head ${readCheckpoint(file).head}\n`);
    return file;
  }

  async function verify(extra: Record<string, string>) {
    const ctx = testContext(dir.path, values(extra));
    await command('audit verify').run(ctx);
    return { out: ctx.stdout.join(''), exitCode: process.exitCode };
  }

  it('verifies an intact log against its checkpoint', async () => {
    const file = await checkpoint();
    const { out, exitCode } = await verify({ 'expect-head': file });
    expect(exitCode).toBeUndefined();
    expect(out).toMatch(
      /^audit log intact: 6 entries, head [0-9a-f]{64}; holds the checkpoint of .* \(6 entries\)\n$/,
    );
  });

  it('names the entries deleted off the end', async () => {
    const file = await checkpoint();
    const storage = await openStorage(dir.path, { databaseUrl });
    const db = storage.modules.database;
    if (storage.kind === 'shared') await sql`drop trigger audit_log_no_change on audit_log`.execute(db);
    else await sql`drop trigger audit_log_no_delete`.execute(db);
    await sql`delete from audit_log where seq > 3`.execute(db);
    await storage.close();

    expect((await verify({})).out).toMatch(/^audit log intact: 3 entries/);
    const { out, exitCode } = await verify({ 'expect-head': file });
    expect(exitCode).toBe(1);
    expect(out).toBe(
      `audit log does not match the checkpoint: entries 4–6 are missing: the log ends at 3, the checkpoint of ${readCheckpoint(file).at} saw 6\n`,
    );
  });

  it('refuses a checkpoint signed with another key, and one forged to match a shorter log', async () => {
    const file = await checkpoint();
    const real = readCheckpoint(file);
    const forged = join(dir.path, 'forged.json');
    writeFileSync(
      forged,
      JSON.stringify(signCheckpoint({ ...real, count: 2 }, generateKeyPairSync('ed25519').privateKey)),
    );
    const { out, exitCode } = await verify({ 'expect-head': forged });
    expect(exitCode).toBe(1);
    expect(out).toBe(
      'audit log does not match the checkpoint: the checkpoint signature is not valid for this key (forged or altered)\n',
    );
  });

  it('needs a key to check a checkpoint with when the data directory has none', async () => {
    const file = await checkpoint();
    const other = await makeTempDir('cunmen-shell-audit-other-');
    try {
      const ctx = testContext(other.path, values({ 'expect-head': file }));
      await expect(command('audit verify').run(ctx)).rejects.toThrow(
        `usage: no checkpoint key in ${other.path}: pass --checkpoint-key <public key pem>`,
      );
      const pub = join(dir.path, 'keys', 'audit-checkpoint-ed25519.key.pub');
      const withKey = testContext(other.path, values({ 'expect-head': file, 'checkpoint-key': pub }));
      await command('audit verify').run(withKey);
      // The key from the file checks the signature; on SQLite this other directory's log is a new, empty
      // one (not the log the checkpoint saw), on PostgreSQL it is the same database.
      expect(withKey.stdout.join('')).toMatch(
        databaseUrl
          ? /holds the checkpoint of .* \(6 entries\)/
          : /entries 1–6 are missing: the log ends at 0/,
      );
    } finally {
      await other.remove();
    }
  });
});
