/**
 * `cunmen-shell portal set|show|rollback|versions`: the admin API's whole-portal operations, straight on
 * the data directory. The one-widget operations are in ./portal-widgets.ts.
 */
import { readFileSync } from 'node:fs';
import { type CliCommand, REGISTRY_HELP, REGISTRY_OPTIONS } from './command.js';
import { audit, BASE_OPTION, baseOption, printResult, withShell } from './portal-run.js';
import { describePortal } from './portal-show.js';
import { portalWidgetCommands } from './portal-widgets.js';

const VILLAGE = { min: 1, max: 1, label: 'the 12-digit village code' };

export const portalCommands: CliCommand[] = [
  {
    name: 'portal show',
    summary: "print a village's current portal: widgets, order, config",
    help: `Usage: cunmen-shell portal show <village> [--json] [--data <dir>]

Prints the current portal version, each widget with its version, title, placements and config, and the
home tiles and navigation entries in the order residents see them. With --json, prints the config as
"portal set --file" takes it, with "baseVersion" set to the current version: edit it and save it back.
  --json                      the config as JSON
  --data <dir>                data directory (default: $CUNMEN_SHELL_DATA, else $CUNMEN_DATA/shell)
`,
    options: { json: { type: 'boolean' } },
    positionals: VILLAGE,
    async run(ctx) {
      await withShell(ctx, 'none', async (app) => {
        const village = ctx.positionals[0] as string;
        const current = await app.shell.portals.current(village);
        if (ctx.values.json === true) {
          const { village: _v, version: _n, ...config } = current.config;
          ctx.out(`${JSON.stringify({ baseVersion: current.version, ...config }, null, 2)}\n`);
          return;
        }
        const snapshot = await app.shell.portals.snapshot(village);
        const record = await app.shell.portals.village(village);
        ctx.out(describePortal(record, current, JSON.parse(snapshot.json)));
      });
    },
  },
  {
    name: 'portal set',
    summary: "save a village's whole portal from a config file (a new version)",
    help: `Usage: cunmen-shell portal set <village> --file <config.json> --base <version> [options]

Resolves the village config against the registry, checks every widget (approved, signed, not yanked,
SDK and shared ranges, slots, config) and saves it as the village's new current portal version. The
file is a village config without "version" (the shell assigns it), as "portal show --json" prints it.
It replaces the whole portal: to add, remove, move or configure one widget use "portal add|remove|
move|configure", which keep every other widget. A refusal changes nothing; a widget or standard module
the portal had and the file lacks is named in a warning.
  --file <config.json>        the village config
  --base <version>            the version the file was edited from (or "baseVersion" in the file);
                              required once the village has a portal, refused (SHELL_ERR_PORTAL_STALE)
                              when the portal changed since
  --json                      print the answer as JSON: {village, version, etag, warnings}
${REGISTRY_HELP}
  --data <dir>                data directory (default: $CUNMEN_SHELL_DATA, else $CUNMEN_DATA/shell)
`,
    options: { file: { type: 'string' }, ...BASE_OPTION, ...REGISTRY_OPTIONS },
    positionals: VILLAGE,
    async run(ctx) {
      const file = typeof ctx.values.file === 'string' ? ctx.values.file : '';
      if (!file) return ctx.fail('--file is required');
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(readFileSync(file, 'utf8'));
      } catch (err) {
        ctx.fail(`--file: cannot read ${file} as JSON (${(err as Error).message})`);
      }
      const base = baseOption(ctx);
      if (base !== undefined && typeof body === 'object' && body !== null)
        body = { ...body, baseVersion: base };
      await withShell(ctx, 'required', async (app) => {
        const saved = await app.shell.portals.save(ctx.positionals[0] as string, body, 'cli');
        await audit(app, 'portal.save', saved);
        printResult(ctx, saved);
      });
    },
  },
  ...portalWidgetCommands,
  {
    name: 'portal rollback',
    summary: 'make an earlier portal version current again',
    help: `Usage: cunmen-shell portal rollback <village> <version> [--registry <url>] [options]

Points the village at an earlier portal version (recorded; nothing is deleted). With a registry its
widgets are checked again (a widget yanked since, which the current portal does not use, refuses the
rollback); without one, or when the registry is unreachable, the snapshot saved with that version is used.
${REGISTRY_HELP}
  --data <dir>                data directory (default: $CUNMEN_SHELL_DATA, else $CUNMEN_DATA/shell)
`,
    options: { ...REGISTRY_OPTIONS },
    positionals: { min: 2, max: 2, label: 'the village code and the version' },
    async run(ctx) {
      const [village, raw] = ctx.positionals as [string, string];
      const version = Number(raw);
      if (!Number.isInteger(version) || version < 1) ctx.fail(`"${raw}" is not a portal version number`);
      await withShell(ctx, 'optional', async (app) => {
        const done = await app.shell.portals.rollback(village, version, 'cli');
        await audit(app, 'portal.rollback', done);
        printResult(ctx, done);
      });
    },
  },
  {
    name: 'portal versions',
    summary: "list a village's portal versions",
    help: `Usage: cunmen-shell portal versions <village> [--data <dir>]

Lists every portal version of the village, newest first; * marks the current one.
  --data <dir>                data directory (default: $CUNMEN_SHELL_DATA, else $CUNMEN_DATA/shell)
`,
    positionals: VILLAGE,
    async run(ctx) {
      await withShell(ctx, 'none', async (app) => {
        const list = await app.shell.portals.versions(ctx.positionals[0] as string);
        for (const v of list.versions) {
          const widgets = v.widgets.map((w) => `${w.name}@${w.version}`).join(', ') || '(no widgets)';
          ctx.out(`${v.current ? '*' : ' '} ${v.version}  ${v.createdAt}  ${v.createdBy}  ${widgets}\n`);
        }
      });
    },
  },
];
