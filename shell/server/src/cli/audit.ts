/** `cunmen-shell audit verify|list|checkpoint`. */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readCheckpoint, verifyAgainstCheckpoint, writeCheckpoint } from '@cunmen/audit-log';
import {
  SHELL_AUDIT_SERVICE,
  shellCheckpointDir,
  shellCheckpointKey,
  shellCheckpointKeyFile,
} from '../storage/audit-checkpoints.js';
import { type CliCommand, type CliContext, fileOption, optionalString } from './command.js';
import { openCliStorage } from './database.js';

/** The key that checks a checkpoint: `--checkpoint-key`, else the data directory's own. */
function checkpointPublicKey(ctx: CliContext): KeyObject {
  const pem = fileOption(ctx, 'checkpoint-key');
  if (pem !== undefined) {
    try {
      return createPublicKey(pem);
    } catch {
      return ctx.fail('--checkpoint-key must hold an Ed25519 public key (PEM)');
    }
  }
  if (!existsSync(shellCheckpointKeyFile(ctx.dataDir))) {
    ctx.fail(`no checkpoint key in ${ctx.dataDir}: pass --checkpoint-key <public key pem>`);
  }
  return shellCheckpointKey(ctx.dataDir).publicKey;
}

export const auditCommands: CliCommand[] = [
  {
    name: 'audit verify',
    summary: "check the audit log's hash chain (and against a signed checkpoint)",
    help: `Usage: cunmen-shell audit verify [--expect-head <checkpoint file> [--checkpoint-key <pem>]] --data <dir>

Walks the audit log from its first entry and checks every hash: prints the entry count and the head
hash, or the first entry that was changed, inserted or removed, and exits 1.
With --expect-head, also checks the log against a checkpoint (audit checkpoint, or the ones the server
writes to <data>/audit-checkpoints/): its signature, and that the log still holds every entry the
checkpoint saw with the same hash. Entries cut off the end are named (exit 1).
  --expect-head     a checkpoint file
  --checkpoint-key  the public key that signed it (default: <data>/keys/audit-checkpoint-ed25519.key's)
  --data            data directory
`,
    options: { 'expect-head': { type: 'string' }, 'checkpoint-key': { type: 'string' } },
    async run(ctx: CliContext) {
      const file = optionalString(ctx, 'expect-head');
      let checkpoint: ReturnType<typeof readCheckpoint> | null = null;
      let key: KeyObject | null = null;
      if (file !== undefined) {
        try {
          checkpoint = readCheckpoint(file);
        } catch (err) {
          ctx.fail(`--expect-head: ${(err as Error).message}`);
        }
        key = checkpointPublicKey(ctx);
      }
      const storage = await openCliStorage(ctx);
      try {
        const v = await storage.audit.verify();
        if (!v.ok) {
          ctx.out(`audit log broken at entry ${v.seq}: ${v.problem}\n`);
          process.exitCode = 1;
          return;
        }
        if (checkpoint && key) {
          const against = await verifyAgainstCheckpoint(storage.audit, checkpoint, key, SHELL_AUDIT_SERVICE);
          if (!against.ok) {
            ctx.out(`audit log does not match the checkpoint: ${against.problem}\n`);
            process.exitCode = 1;
            return;
          }
          ctx.out(
            `audit log intact: ${v.count} entries, head ${v.head}; holds the checkpoint of ${checkpoint.at} (${checkpoint.count} entries)\n`,
          );
          return;
        }
        ctx.out(`audit log intact: ${v.count} entries, head ${v.head}\n`);
      } finally {
        await storage.close();
      }
    },
  },
  {
    name: 'audit checkpoint',
    summary: "sign the audit log's head into a checkpoint file",
    help: `Usage: cunmen-shell audit checkpoint --data <dir>

Verifies the audit log and writes its entry count and head hash, signed with the shell's checkpoint key
(<data>/keys/audit-checkpoint-ed25519.key, created on first use), to <data>/audit-checkpoints/. The
server writes one every hour too (serve --audit-checkpoint-minutes). Copy checkpoints and the .pub key
off the host; check the log later with audit verify --expect-head <file>.
  --data    data directory
`,
    async run(ctx: CliContext) {
      const key = shellCheckpointKey(ctx.dataDir);
      const storage = await openCliStorage(ctx);
      try {
        const { path, checkpoint } = await writeCheckpoint(
          storage.audit,
          shellCheckpointDir(ctx.dataDir),
          SHELL_AUDIT_SERVICE,
          key.privateKey,
        );
        ctx.out(`checkpoint ${path}: ${checkpoint.count} entries, head ${checkpoint.head}\n`);
      } finally {
        await storage.close();
      }
    },
  },
  {
    name: 'audit list',
    summary: 'print audit entries',
    help: `Usage: cunmen-shell audit list [--after <seq>] [--limit <n>] --data <dir>

Prints entries oldest first, one per line: seq, time, actor, action, subject, source IP, details.
  --after   start after this entry (default 0)
  --limit   at most this many (default 100)
  --data    data directory
`,
    options: { after: { type: 'string' }, limit: { type: 'string' } },
    async run(ctx: CliContext) {
      const after = Number(optionalString(ctx, 'after') ?? 0);
      const limit = Number(optionalString(ctx, 'limit') ?? 100);
      if (!Number.isInteger(after) || after < 0) ctx.fail('--after must be an entry number');
      if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) ctx.fail('--limit must be 1 to 10000');
      const storage = await openCliStorage(ctx);
      try {
        for (const r of await storage.audit.list({ after, limit })) {
          ctx.out(
            `${r.seq}\t${r.at}\t${r.actor}\t${r.action}\t${r.subject}\t${r.ip}\t${JSON.stringify(r.detail)}\n`,
          );
        }
      } finally {
        await storage.close();
      }
    },
  },
];
