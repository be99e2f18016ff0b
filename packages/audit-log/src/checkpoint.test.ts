/**
 * Checkpoints catch what the chain alone cannot: entries cut off the tail, a tail rewritten to the same
 * length, and a checkpoint forged without the key. On SQLite and PostgreSQL.
 */
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { makeTempDir } from '@cunmen/test-utils';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import {
  type AuditCheckpoint,
  latestCheckpointFile,
  readCheckpoint,
  signCheckpoint,
  verifyAgainstCheckpoint,
  writeCheckpoint,
} from './checkpoint.js';
import { openAuditLog } from './migration.js';
import { auditBackends } from './test-backends.js';

const { openSqlite, openPostgres } = auditBackends();
const { privateKey, publicKey } = generateKeyPairSync('ed25519');

describe.each([
  ['sqlite', openSqlite],
  ['postgres', openPostgres],
] as const)('audit checkpoints on %s', (_name, open) => {
  async function logWith(entries: number) {
    const opened = await open();
    const log = openAuditLog(opened.db);
    for (let i = 1; i <= entries; i++) await log.append({ actor: 'zj', action: `a${i}`, subject: 's' });
    return { ...opened, log };
  }

  it('writes a signed checkpoint file that the intact log, and the log grown since, verify against', async () => {
    const { db, log } = await logWith(5);
    const dir = await makeTempDir('cunmen-checkpoints-');
    try {
      const { path, checkpoint } = await writeCheckpoint(log, dir.path, 'shell', privateKey);
      expect(latestCheckpointFile(dir.path)).toBe(path);
      expect(readCheckpoint(path)).toEqual(checkpoint);
      expect(checkpoint).toMatchObject({ version: 1, service: 'shell', count: 5 });
      expect(checkpoint.head).toBe((await log.verify()).head);
      expect(await verifyAgainstCheckpoint(log, checkpoint, publicKey, 'shell')).toMatchObject({
        ok: true,
        count: 5,
      });
      await log.append({ actor: 'zj', action: 'later', subject: 's' });
      expect(await verifyAgainstCheckpoint(log, checkpoint, publicKey, 'shell')).toMatchObject({
        ok: true,
        count: 6,
      });
    } finally {
      await dir.remove();
      await db.destroy();
    }
  });

  it('finds the last entries deleted behind the triggers and names the missing range', async () => {
    const { db, log, dropDeleteGuard } = await logWith(7);
    const dir = await makeTempDir('cunmen-checkpoints-');
    try {
      const { checkpoint } = await writeCheckpoint(log, dir.path, 'shell', privateKey);
      await dropDeleteGuard();
      await sql`delete from audit_log where seq > 4`.execute(db);
      // The chain alone still verifies: that is why the checkpoint exists.
      expect(await log.verify()).toMatchObject({ ok: true, count: 4 });
      expect(await verifyAgainstCheckpoint(log, checkpoint, publicKey, 'shell')).toEqual({
        ok: false,
        problem: `entries 5–7 are missing: the log ends at 4, the checkpoint of ${checkpoint.at} saw 7`,
        missing: { from: 5, to: 7 },
      });
    } finally {
      await dir.remove();
      await db.destroy();
    }
  });

  it('finds a tail rewritten to the same length', async () => {
    const { db, log, dropDeleteGuard } = await logWith(3);
    const dir = await makeTempDir('cunmen-checkpoints-');
    try {
      const { checkpoint } = await writeCheckpoint(log, dir.path, 'shell', privateKey);
      await dropDeleteGuard();
      await sql`delete from audit_log where seq = 3`.execute(db);
      await log.append({ actor: 'someone', action: 'innocent', subject: 's' });
      expect(await log.verify()).toMatchObject({ ok: true, count: 3 });
      expect(await verifyAgainstCheckpoint(log, checkpoint, publicKey, 'shell')).toEqual({
        ok: false,
        problem: `entry 3 is not the one the checkpoint of ${checkpoint.at} saw: the log was rewritten`,
      });
    } finally {
      await dir.remove();
      await db.destroy();
    }
  });

  it('refuses a forged or altered checkpoint, and one of another service', async () => {
    const { db, log } = await logWith(2);
    const dir = await makeTempDir('cunmen-checkpoints-');
    try {
      const { path, checkpoint } = await writeCheckpoint(log, dir.path, 'registry', privateKey);
      const forged = signCheckpoint(
        { service: 'registry', head: checkpoint.head, count: 2, at: checkpoint.at },
        generateKeyPairSync('ed25519').privateKey,
      );
      const altered: AuditCheckpoint = { ...checkpoint, count: 1 };
      for (const bad of [forged, altered]) {
        expect(await verifyAgainstCheckpoint(log, bad, publicKey, 'registry')).toEqual({
          ok: false,
          problem: 'the checkpoint signature is not valid for this key (forged or altered)',
        });
      }
      expect(await verifyAgainstCheckpoint(log, checkpoint, publicKey, 'shell')).toEqual({
        ok: false,
        problem: 'the checkpoint is of the registry log, not the shell log',
      });
      writeFileSync(path, readFileSync(path, 'utf8').replace('"version": 1', '"version": 2'));
      expect(() => readCheckpoint(path)).toThrow('is not an audit checkpoint (version 1)');
    } finally {
      await dir.remove();
      await db.destroy();
    }
  });
});
