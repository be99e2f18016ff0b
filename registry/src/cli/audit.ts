/** `cunmen-registry audit verify|list`: check and read the hash-chained audit log. */
import { type CliCommand, type CliContext, optionalString } from '@cunmen/command-line';
import { DATA_DEFAULT_HELP } from './data-dir.js';
import { withExistingStorage } from './storage.js';

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
    summary: 'check that the audit log was not edited',
    help: `Usage: cunmen-registry audit verify [--data <dir>]

Walks the hash chain of the audit log from its first entry and reports the first entry that was
edited, deleted, inserted or moved. Exits 0 and prints the count and head hash when the log is intact
(keep the head somewhere else to notice entries cut off the end), 1 when it is broken.
  --data    data directory ${DATA_DEFAULT_HELP}
`,
    async run(ctx) {
      const result = await withExistingStorage(ctx.dataDir, (s) => s.audit.verify());
      if (result.ok) {
        ctx.out(`audit log intact: ${result.count} entries, head ${result.head}\n`);
      } else {
        ctx.out(`audit log broken at entry ${result.seq}: ${result.problem}\n`);
        process.exitCode = 1;
      }
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
