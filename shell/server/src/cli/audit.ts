/** `cunmen-shell audit verify|list`. */

import { type CliCommand, type CliContext, optionalString } from './command.js';
import { openCliStorage } from './database.js';

export const auditCommands: CliCommand[] = [
  {
    name: 'audit verify',
    summary: "check the audit log's hash chain",
    help: `Usage: cunmen-shell audit verify --data <dir>

Walks the audit log from its first entry and checks every hash: prints the entry count and the head
hash (record it elsewhere: a truncated tail is only visible against a known head), or the first entry
that was changed, inserted or removed, and exits 1.
  --data    data directory
`,
    async run(ctx: CliContext) {
      const storage = await openCliStorage(ctx);
      try {
        const v = await storage.audit.verify();
        if (v.ok) ctx.out(`audit log intact: ${v.count} entries, head ${v.head}\n`);
        else {
          ctx.out(`audit log broken at entry ${v.seq}: ${v.problem}\n`);
          process.exitCode = 1;
        }
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
