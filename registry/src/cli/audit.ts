/**
 * `cunmen-registry audit verify|list|checkpoint`: check and read the hash-chained audit log, and sign its
 * head into checkpoint files outside the database (`<data>/audit-checkpoints/`) with the province key.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type AuditCheckpoint,
  CHECKPOINT_DIR,
  readCheckpoint,
  verifyAgainstCheckpoint,
  writeCheckpoint,
} from '@cunmen/audit-log';
import { type CliCommand, type CliContext, optionalString } from '@cunmen/command-line';
import { DATA_DEFAULT_HELP } from './data-dir.js';
import { operatorKeys, withExistingStorage } from './storage.js';

/** The `service` the registry's checkpoints name. */
export const REGISTRY_AUDIT_SERVICE = 'registry';

export const registryCheckpointDir = (dataDir: string): string => join(dataDir, CHECKPOINT_DIR);

/** The key that checks a checkpoint: `--checkpoint-key` (a PEM file), else the province key. */
function checkpointPublicKey(ctx: CliContext): KeyObject {
  const file = optionalString(ctx, 'checkpoint-key');
  if (file === undefined) return operatorKeys(ctx.dataDir).publicKey;
  try {
    return createPublicKey(readFileSync(file, 'utf8'));
  } catch {
    return ctx.fail(`--checkpoint-key: ${file} does not hold an Ed25519 public key (PEM)`);
  }
}

function integerOption(ctx: CliContext, key: string, min: number, fallback: number): number {
  const raw = optionalString(ctx, key);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n < min) {
    ctx.fail(`--${key} must be a whole number of at least ${min}, not "${raw}"`);
  }
  return n;
}

export const auditCommands: CliCommand[] = [
  {
    name: 'audit verify',
    summary: 'check that the audit log was not edited (or cut short, against a checkpoint)',
    help: `Usage: cunmen-registry audit verify [--expect-head <checkpoint file> [--checkpoint-key <pem>]] [--data <dir>]

Walks the hash chain of the audit log from its first entry and reports the first entry that was
edited, deleted, inserted or moved. Exits 0 and prints the count and head hash when the log is intact,
1 when it is broken.
With --expect-head, also checks the log against a signed checkpoint (audit checkpoint): its signature
with the province key, and that the log still holds every entry the checkpoint saw with the same hash,
naming the entries cut off the end (exit 1).
  --expect-head     a checkpoint file from <data>/audit-checkpoints/ (or a copy kept elsewhere)
  --checkpoint-key  the province public key PEM to check it with (default: the data directory's key)
  --data            data directory ${DATA_DEFAULT_HELP}
`,
    options: { 'expect-head': { type: 'string' }, 'checkpoint-key': { type: 'string' } },
    async run(ctx) {
      const file = optionalString(ctx, 'expect-head');
      let expected: { checkpoint: AuditCheckpoint; key: KeyObject } | null = null;
      if (file !== undefined) {
        try {
          expected = { checkpoint: readCheckpoint(file), key: checkpointPublicKey(ctx) };
        } catch (err) {
          ctx.fail(`--expect-head: ${(err as Error).message}`);
        }
      }
      const { result, against } = await withExistingStorage(ctx.dataDir, async (s) => ({
        result: await s.audit.verify(),
        against: expected
          ? await verifyAgainstCheckpoint(s.audit, expected.checkpoint, expected.key, REGISTRY_AUDIT_SERVICE)
          : null,
      }));
      if (!result.ok) {
        ctx.out(`audit log broken at entry ${result.seq}: ${result.problem}\n`);
        process.exitCode = 1;
      } else if (against && !against.ok) {
        ctx.out(`audit log does not match the checkpoint: ${against.problem}\n`);
        process.exitCode = 1;
      } else if (expected) {
        ctx.out(
          `audit log intact: ${result.count} entries, head ${result.head}; holds the checkpoint of ${expected.checkpoint.at} (${expected.checkpoint.count} entries)\n`,
        );
      } else {
        ctx.out(`audit log intact: ${result.count} entries, head ${result.head}\n`);
      }
    },
  },
  {
    name: 'audit checkpoint',
    summary: "sign the audit log's head into a checkpoint file",
    help: `Usage: cunmen-registry audit checkpoint [--data <dir>]

Verifies the audit log and writes its entry count and head hash, signed with the province key, to
<data>/audit-checkpoints/. The server writes one every hour too. Copy checkpoints off the host; check
the log later with audit verify --expect-head <file>.
  --data    data directory ${DATA_DEFAULT_HELP}
`,
    async run(ctx) {
      const keys = operatorKeys(ctx.dataDir);
      const { path, checkpoint } = await withExistingStorage(ctx.dataDir, (s) =>
        writeCheckpoint(s.audit, registryCheckpointDir(ctx.dataDir), REGISTRY_AUDIT_SERVICE, keys.privateKey),
      );
      ctx.out(`checkpoint ${path}: ${checkpoint.count} entries, head ${checkpoint.head}\n`);
    },
  },
  {
    name: 'audit list',
    summary: 'print audit log entries',
    help: `Usage: cunmen-registry audit list [--data <dir>] [--after <seq>] [--limit <n>] [--json]

Prints audit log entries, oldest first, one per line: seq, time, actor, source IP, action, subject and
detail (JSON), separated by tabs.
  --data    data directory ${DATA_DEFAULT_HELP}
  --after   only entries after this sequence number (default 0: from the start)
  --limit   at most this many entries (default 100, at most 10000)
  --json    one JSON object per line instead, with prevHash and hash
`,
    options: {
      after: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean' },
    },
    async run(ctx) {
      const after = integerOption(ctx, 'after', 0, 0);
      const limit = integerOption(ctx, 'limit', 1, 100);
      if (limit > 10_000) ctx.fail('--limit must be at most 10000');
      const rows = await withExistingStorage(ctx.dataDir, (s) => s.audit.list({ after, limit }));
      for (const r of rows) {
        ctx.out(
          ctx.values.json
            ? `${JSON.stringify(r)}\n`
            : `${r.seq}\t${r.at}\t${r.actor}\t${r.ip}\t${r.action}\t${r.subject}\t${JSON.stringify(r.detail)}\n`,
        );
      }
      if (rows.length === 0)
        ctx.err(after > 0 ? `no audit entries after ${after}\n` : 'the audit log is empty\n');
      else if (rows.length === limit) ctx.err(`more may follow: --after ${rows[rows.length - 1]?.seq}\n`);
    },
  },
];
