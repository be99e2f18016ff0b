/**
 * `cunmen-registry review list|show|approve|reject`, `yank`, `package standard`: the review services
 * run as the operator, with the province key in the data directory.
 */

import { type CliCommand, type CliContext, optionalString, requiredString } from '@cunmen/command-line';
import { OPERATOR } from '../services/actor.js';
import { markStandard, yankRelease } from '../services/lifecycle.js';
import { approveRelease, inspectRelease, parseSpec, rejectRelease } from '../services/review.js';
import { DATA_DEFAULT_HELP } from './data-dir.js';
import { operatorKeys, withStorage } from './storage.js';

const SPEC = { min: 1, max: 1, label: 'exactly one <name>@<version>' };

/** Approves and signs a pending version with the province key in the data directory. */
export async function approve(dataDir: string, spec: string, grant?: string[]) {
  const { name, version } = parseSpec(spec);
  const keys = operatorKeys(dataDir);
  return withStorage(dataDir, (storage) => approveRelease(storage, keys, OPERATOR, { name, version, grant }));
}

export async function reject(dataDir: string, spec: string, reason: string) {
  const { name, version } = parseSpec(spec);
  return withStorage(dataDir, (storage) => rejectRelease(storage, OPERATOR, name, version, reason));
}

export async function show(dataDir: string, spec: string) {
  const { name, version } = parseSpec(spec);
  return withStorage(dataDir, (storage) => inspectRelease(storage, name, version));
}

export async function yank(dataDir: string, spec: string, reason: string) {
  const { name, version } = parseSpec(spec);
  return withStorage(dataDir, (storage) => yankRelease(storage, OPERATOR, name, version, reason));
}

export async function setStandard(dataDir: string, name: string, standard: boolean) {
  return withStorage(dataDir, (storage) => markStandard(storage, OPERATOR, name, standard));
}

export interface PendingLine {
  spec: string;
  publishedBy: string;
  publishedAt: string;
  tarballSize: number;
}

/** The versions waiting for review, oldest first. */
export async function listPending(dataDir: string): Promise<PendingLine[]> {
  return withStorage(dataDir, async (storage) => {
    const names = new Map<number, string>();
    const lines: PendingLine[] = [];
    for (const v of await storage.packages.listPending()) {
      if (!names.has(v.publishedBy)) {
        const user = await storage.accounts.findUserById(v.publishedBy);
        names.set(v.publishedBy, user?.name ?? `#${v.publishedBy}`);
      }
      lines.push({
        spec: `${v.name}@${v.version}`,
        publishedBy: names.get(v.publishedBy) ?? '',
        publishedAt: v.publishedAt,
        tarballSize: v.tarballSize,
      });
    }
    return lines;
  });
}

/** A decision on one version that needs a reason (`review reject`, `yank`). */
function withReason(
  name: string,
  summary: string,
  help: string,
  act: (dataDir: string, spec: string, reason: string) => Promise<unknown>,
  done: string,
): CliCommand {
  return {
    name,
    summary,
    help,
    options: { reason: { type: 'string' } },
    positionals: SPEC,
    async run(ctx: CliContext) {
      const spec = ctx.positionals[0] as string;
      await act(ctx.dataDir, spec, requiredString(ctx, 'reason'));
      ctx.out(`${done} ${spec}\n`);
    },
  };
}

export const reviewCommands: CliCommand[] = [
  {
    name: 'review list',
    summary: 'list versions waiting for review',
    help: `Usage: cunmen-registry review list [--data <dir>]

Lists the versions waiting for review, oldest first: name@version, publisher, time, tarball bytes.
  --data    data directory ${DATA_DEFAULT_HELP}
`,
    async run(ctx) {
      const lines = await listPending(ctx.dataDir);
      if (lines.length === 0) ctx.out('no versions are waiting for review\n');
      for (const l of lines) ctx.out(`${l.spec}\t${l.publishedBy}\t${l.publishedAt}\t${l.tarballSize}\n`);
    },
  },
  {
    name: 'review show',
    summary: 'show a version for review: manifest, capabilities, sizes, file diff, checks',
    help: `Usage: cunmen-registry review show <name>@<version> [--json] [--data <dir>]

Shows what a reviewer decides on: the requested capabilities (and which are new since the previous
approved version), sizes against the budget, the files diffed against the previous version, and the
results of the automatic checks run at publish.
  --json    print the whole inspection as JSON
  --data    data directory ${DATA_DEFAULT_HELP}
`,
    options: { json: { type: 'boolean' } },
    positionals: SPEC,
    async run(ctx) {
      const r = await show(ctx.dataDir, ctx.positionals[0] as string);
      if (ctx.values.json) {
        ctx.out(`${JSON.stringify(r, null, 2)}\n`);
        return;
      }
      const lines = [
        `${r.name}@${r.version}  ${r.kind}  ${r.status}`,
        `published by ${r.publishedBy ?? '?'} at ${r.publishedAt}${r.previousVersion ? `; previous approved ${r.previousVersion}` : '; first version'}`,
        `capabilities requested: ${r.capabilities.requested.join(', ') || '(none)'}`,
        `  new since previous:   ${r.capabilities.added.join(', ') || '(none)'}`,
        `sizes: tarball ${r.sizes.tarball} B, unpacked ${r.sizes.unpacked} B, JS ${r.sizes.jsGzip ?? '?'} of ${r.sizes.budgetGzip ?? '?'} B gzip budget`,
        'files:',
        ...r.files.map(
          (f) => `  ${f.change.padEnd(8)} ${f.path}  ${f.previousSize ?? '-'} -> ${f.size ?? '-'}`,
        ),
        'checks:',
        ...r.checks.map((c) => `  ${c.ok ? 'ok  ' : 'FAIL'} ${c.id}: ${c.detail}`),
      ];
      ctx.out(`${lines.join('\n')}\n`);
    },
  },
  {
    name: 'review approve',
    summary: 'approve and sign a pending version',
    help: `Usage: cunmen-registry review approve <name>@<version> [--grant <cap,cap>] [--data <dir>]

Approves a pending version: signs {name, version, asset hashes, granted capabilities} with the
province Ed25519 key (in <data>/keys/), makes it visible to installs and snapshots, and moves its
requested dist-tag to it.
  --grant   the capabilities granted, comma-separated (default: every one requested; only those
            requested can be granted; give "" to grant none)
  --data    data directory ${DATA_DEFAULT_HELP}
`,
    options: { grant: { type: 'string' } },
    positionals: SPEC,
    async run(ctx) {
      const spec = ctx.positionals[0] as string;
      const grantText = optionalString(ctx, 'grant');
      const grant =
        grantText === undefined
          ? undefined
          : grantText
              .split(',')
              .map((c) => c.trim())
              .filter(Boolean);
      const r = await approve(ctx.dataDir, spec, grant);
      ctx.out(
        `approved ${spec}; granted ${r.granted.join(', ') || '(no capabilities)'}; signed with key ${r.keyId}\n`,
      );
    },
  },
  withReason(
    'review reject',
    'reject a pending version with a reason',
    `Usage: cunmen-registry review reject <name>@<version> --reason <text> [--data <dir>]

Rejects a pending version; the publisher sees the reason. The version number stays taken.
  --reason  why (required)
  --data    data directory ${DATA_DEFAULT_HELP}
`,
    reject,
    'rejected',
  ),
  withReason(
    'yank',
    'yank an approved version: no new portal adopts it',
    `Usage: cunmen-registry yank <name>@<version> --reason <text> [--data <dir>]

Yanks an approved version: portals can no longer adopt it, portals that use it are warned with the
reason, npm shows it as deprecated. Its bytes stay served, so no portal breaks.
  --reason  why (required)
  --data    data directory ${DATA_DEFAULT_HELP}
`,
    yank,
    'yanked',
  ),
  {
    name: 'package standard',
    summary: 'mark a province package as a standard module (or --off)',
    help: `Usage: cunmen-registry package standard <@cunmen/name> [--off] [--data <dir>]

Marks a province package (@cunmen/…) as a standard module, shown as such in the catalog.
  --off     clear the mark
  --data    data directory ${DATA_DEFAULT_HELP}
`,
    options: { off: { type: 'boolean' } },
    positionals: { min: 1, max: 1, label: 'exactly one package name' },
    async run(ctx) {
      const name = ctx.positionals[0] as string;
      await setStandard(ctx.dataDir, name, !ctx.values.off);
      ctx.out(`${name} is ${ctx.values.off ? 'no longer' : 'now'} a standard module\n`);
    },
  },
];
