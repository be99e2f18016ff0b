/**
 * `cunmen-shell portal add|remove|move|configure`: one widget at a time, each on the current portal and
 * saved as a new version through every check of a whole save, keeping every other widget in place.
 */
import type { SaveResult } from '../portals/service.js';
import {
  addToPortal,
  configureInPortal,
  moveInPortal,
  removeFromPortal,
  type WidgetOpContext,
} from '../portals/widget-ops.js';
import {
  type CliCommand,
  type CliContext,
  optionalString,
  REGISTRY_HELP,
  REGISTRY_OPTIONS,
} from './command.js';
import {
  audit,
  BASE_HELP,
  BASE_OPTION,
  baseOption,
  configOption,
  printResult,
  type ShellApp,
  withShell,
} from './portal-run.js';

const DATA_HELP =
  '  --data <dir>                data directory (default: $CUNMEN_SHELL_DATA, else $CUNMEN_DATA/shell)';
const TAIL = `${BASE_HELP}\n${REGISTRY_HELP}\n${DATA_HELP}\n`;
const WIDGET = { min: 2, max: 2, label: 'the village code and the widget (@scope/name)' };

const SLOTS: Record<string, string> = {
  tile: 'village.home.tile/v1',
  nav: 'village.nav/v1',
  cadre: 'cadre.page/v1',
};

/** `@scope/name@1.2.0` → name and version; `@scope/name` → name alone. */
export function splitSpec(spec: string): { name: string; version?: string } {
  const at = spec.lastIndexOf('@');
  return at > 0 ? { name: spec.slice(0, at), version: spec.slice(at + 1) } : { name: spec };
}

/** `key=value`: the value as JSON when it is JSON (`5`, `true`, `"5"`, `[1]`), else as text. */
export function parseSetting(ctx: CliContext, pair: string): [string, unknown] {
  const eq = pair.indexOf('=');
  if (eq <= 0) return ctx.fail(`--set "${pair}" must be key=value, such as radiusKm=5`);
  const raw = pair.slice(eq + 1);
  try {
    return [pair.slice(0, eq), JSON.parse(raw)];
  } catch {
    return [pair.slice(0, eq), raw];
  }
}

const many = (ctx: CliContext, key: string) => {
  const v = ctx.values[key];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).map(String);
};

function positiveInt(ctx: CliContext, key: string): number | undefined {
  const raw = optionalString(ctx, key);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) ctx.fail(`--${key} must be a position: 1 is the first`);
  return n;
}

async function write(
  ctx: CliContext,
  action: string,
  widget: string,
  op: (context: WidgetOpContext, app: ShellApp) => Promise<SaveResult>,
) {
  const base = baseOption(ctx);
  await withShell(ctx, 'required', async (app) => {
    const result = await op({ village: ctx.positionals[0] as string, actor: 'cli', base }, app);
    await audit(app, action, result, { widget });
    printResult(ctx, result);
  });
}

export const portalWidgetCommands: CliCommand[] = [
  {
    name: 'portal add',
    summary: 'add one widget to a village portal, keeping every other widget',
    help: `Usage: cunmen-shell portal add <village> <@scope/name[@version]> [options]

Adds the widget at the version given — exact (1.2.0), a range (^1.2.0) or latest (the default): the
newest approved, non-yanked version whose SDK range accepts this shell. By default it gets its home
tile, its page at the route named like the package (find-machinery for @deqing/find-machinery) with
its navigation entry, and its cadre pages, after every existing tile and entry.
  --config <json>             its config, e.g. '{"radiusKm": 5}' (or --config-file <f>)
  --route <route>             which of its pages to place (default: its short name, else its first)
  --no-tile                   without its home tile
  --no-nav                    without its navigation entry
  --position <n>              its place among the home tiles and navigation entries (1 = first)
${TAIL}`,
    options: {
      config: { type: 'string' },
      'config-file': { type: 'string' },
      route: { type: 'string' },
      'no-tile': { type: 'boolean' },
      'no-nav': { type: 'boolean' },
      position: { type: 'string' },
      ...BASE_OPTION,
      ...REGISTRY_OPTIONS,
    },
    positionals: { min: 2, max: 2, label: 'the village code and the widget (@scope/name[@version])' },
    async run(ctx) {
      const { name, version } = splitSpec(ctx.positionals[1] as string);
      const input = {
        name,
        ...(version ? { version } : {}),
        ...(configOption(ctx) ? { config: configOption(ctx) } : {}),
        ...(optionalString(ctx, 'route') ? { route: optionalString(ctx, 'route') } : {}),
        tile: ctx.values['no-tile'] !== true,
        nav: ctx.values['no-nav'] !== true,
        ...(positiveInt(ctx, 'position') ? { position: positiveInt(ctx, 'position') } : {}),
      };
      await write(ctx, 'portal.widget.add', name, (c, app) => addToPortal(c, app.shell.portals, input));
    },
  },
  {
    name: 'portal remove',
    summary: 'remove one widget from a village portal',
    help: `Usage: cunmen-shell portal remove <village> <@scope/name> [options]

Removes the widget and every placement of it; the answer's warning names it (and says so when it is a
standard module).
${TAIL}`,
    options: { ...BASE_OPTION, ...REGISTRY_OPTIONS },
    positionals: WIDGET,
    async run(ctx) {
      const name = ctx.positionals[1] as string;
      await write(ctx, 'portal.widget.remove', name, (c, app) =>
        removeFromPortal(c, app.shell.portals, name),
      );
    },
  },
  {
    name: 'portal move',
    summary: 'move one widget among the home tiles and navigation entries',
    help: `Usage: cunmen-shell portal move <village> <@scope/name> (--to <n> | --before <name> | --after <name>) [options]

Moves the widget's home tile and navigation entry (or only the slots given) to a position, or next to
another widget; the others keep their order.
  --to <n>                    the position, 1 = first (past the end = last)
  --before <@scope/name>      just before that widget
  --after <@scope/name>       just after that widget
  --slot <tile|nav|cadre>     only in this slot (repeatable; default: tile and nav)
${TAIL}`,
    options: {
      to: { type: 'string' },
      before: { type: 'string' },
      after: { type: 'string' },
      slot: { type: 'string', multiple: true },
      ...BASE_OPTION,
      ...REGISTRY_OPTIONS,
    },
    positionals: WIDGET,
    async run(ctx) {
      const name = ctx.positionals[1] as string;
      const slots = many(ctx, 'slot').map(
        (s) => SLOTS[s] ?? ctx.fail(`--slot "${s}" must be tile, nav or cadre`),
      );
      const input = {
        ...(positiveInt(ctx, 'to') ? { to: positiveInt(ctx, 'to') } : {}),
        ...(optionalString(ctx, 'before') ? { before: optionalString(ctx, 'before') } : {}),
        ...(optionalString(ctx, 'after') ? { after: optionalString(ctx, 'after') } : {}),
        ...(slots.length ? { slots } : {}),
      };
      if (Object.keys(input).filter((k) => k !== 'slots').length !== 1) {
        ctx.fail('give exactly one of --to, --before or --after');
      }
      await write(ctx, 'portal.widget.move', name, (c, app) =>
        moveInPortal(c, app.shell.portals, name, input),
      );
    },
  },
  {
    name: 'portal configure',
    summary: "change one widget's config (or version)",
    help: `Usage: cunmen-shell portal configure <village> <@scope/name> [--set key=value …] [--unset key …] [--config-file f] [options]

Changes the widget's config and saves a new portal version; the config is checked against the widget's
schema, every problem listed in Chinese and English.
  --set key=value             set one key (repeatable; dotted keys reach into objects); the value is
                              read as JSON when it is JSON (5, true, "5", ["a"]), else as text
  --unset key                 remove one key (repeatable)
  --config <json>             replace the whole config (or --config-file <f>); --set applies after it
  --version <v>               another version: exact, a range or latest
${TAIL}`,
    options: {
      set: { type: 'string', multiple: true },
      unset: { type: 'string', multiple: true },
      config: { type: 'string' },
      'config-file': { type: 'string' },
      version: { type: 'string' },
      ...BASE_OPTION,
      ...REGISTRY_OPTIONS,
    },
    positionals: WIDGET,
    async run(ctx) {
      const name = ctx.positionals[1] as string;
      const sets = many(ctx, 'set').map((pair) => parseSetting(ctx, pair));
      const unset = many(ctx, 'unset');
      const config = configOption(ctx);
      const version = optionalString(ctx, 'version');
      const input = {
        ...(config ? { config } : {}),
        ...(sets.length ? { set: Object.fromEntries(sets) } : {}),
        ...(unset.length ? { unset } : {}),
        ...(version ? { version } : {}),
      };
      if (Object.keys(input).length === 0)
        ctx.fail('nothing to change: give --set, --unset, --config(-file) or --version');
      await write(ctx, 'portal.widget.configure', name, (c, app) =>
        configureInPortal(c, app.shell.portals, name, input),
      );
    },
  },
];
