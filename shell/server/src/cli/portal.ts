/** `cunmen-shell portal set|rollback|versions`: the admin API's operations, straight on the data directory. */
import { readFileSync } from 'node:fs';
import { buildApp } from '../app.js';
import {
  type CliCommand,
  type CliContext,
  optionalString,
  REGISTRY_HELP,
  REGISTRY_OPTIONS,
  registryOptions,
} from './command.js';

async function withShell(
  ctx: CliContext,
  registry: boolean,
  fn: (app: Awaited<ReturnType<typeof buildApp>>) => Promise<void>,
) {
  const app = await buildApp({ dataDir: ctx.dataDir, ...(registry ? registryOptions(ctx) : {}) });
  try {
    await fn(app);
    await app.shell.usage.flush();
  } finally {
    await app.close();
  }
}

function printWarnings(ctx: CliContext, warnings: { en: string; zh: string }[]) {
  for (const w of warnings) ctx.err(`warning: ${w.zh} / ${w.en}\n`);
}

export const portalCommands: CliCommand[] = [
  {
    name: 'portal set',
    summary: "save a village's portal from a config file (a new version)",
    help: `Usage: cunmen-shell portal set <village> --file <config.json> --data <dir> --registry <url> [options]

Resolves the village config against the registry, checks every widget (approved, signed, not yanked,
SDK and shared ranges, slots, config) and saves it as the village's new current portal version. The
file is a village config without "version" (the shell assigns it). A refusal changes nothing.
  --file <config.json>        the village config
${REGISTRY_HELP}
  --data <dir>                data directory
`,
    options: { file: { type: 'string' }, ...REGISTRY_OPTIONS },
    positionals: { min: 1, max: 1, label: 'the 12-digit village code' },
    async run(ctx) {
      const file = optionalString(ctx, 'file');
      if (!file) return ctx.fail('--file is required');
      let body: unknown;
      try {
        body = JSON.parse(readFileSync(file, 'utf8'));
      } catch (err) {
        ctx.fail(`--file: cannot read ${file} as JSON (${(err as Error).message})`);
      }
      await withShell(ctx, true, async (app) => {
        const saved = await app.shell.portals.save(ctx.positionals[0] as string, body, 'cli');
        await app.shell.storage.audit.append({
          actor: 'operator',
          action: 'portal.save',
          subject: `village:${saved.village}`,
          detail: { version: saved.version, via: 'cli' },
          ip: 'local',
        });
        printWarnings(ctx, saved.warnings);
        ctx.out(`village ${saved.village}: portal version ${saved.version} is current\n`);
      });
    },
  },
  {
    name: 'portal rollback',
    summary: 'make an earlier portal version current again',
    help: `Usage: cunmen-shell portal rollback <village> <version> --data <dir> [--registry <url>] [options]

Points the village at an earlier portal version (recorded; nothing is deleted). With --registry its
widgets are checked again (a widget yanked since, which the current portal does not use, refuses the
rollback); without it, or when the registry is unreachable, the snapshot saved with that version is used.
${REGISTRY_HELP}
  --data <dir>                data directory
`,
    options: { ...REGISTRY_OPTIONS },
    positionals: { min: 2, max: 2, label: 'the village code and the version' },
    async run(ctx) {
      const [village, raw] = ctx.positionals as [string, string];
      const version = Number(raw);
      if (!Number.isInteger(version) || version < 1) ctx.fail(`"${raw}" is not a portal version number`);
      await withShell(ctx, true, async (app) => {
        const done = await app.shell.portals.rollback(village, version, 'cli');
        await app.shell.storage.audit.append({
          actor: 'operator',
          action: 'portal.rollback',
          subject: `village:${done.village}`,
          detail: { version: done.version, via: 'cli' },
          ip: 'local',
        });
        printWarnings(ctx, done.warnings);
        ctx.out(`village ${done.village}: portal version ${done.version} is current\n`);
      });
    },
  },
  {
    name: 'portal versions',
    summary: "list a village's portal versions",
    help: `Usage: cunmen-shell portal versions <village> --data <dir>

Lists every portal version of the village, newest first; * marks the current one.
  --data <dir>                data directory
`,
    positionals: { min: 1, max: 1, label: 'the 12-digit village code' },
    async run(ctx) {
      await withShell(ctx, false, async (app) => {
        const list = await app.shell.portals.versions(ctx.positionals[0] as string);
        for (const v of list.versions) {
          const widgets = v.widgets.map((w) => `${w.name}@${w.version}`).join(', ') || '(no widgets)';
          ctx.out(`${v.current ? '*' : ' '} ${v.version}  ${v.createdAt}  ${v.createdBy}  ${widgets}\n`);
        }
      });
    },
  },
];
