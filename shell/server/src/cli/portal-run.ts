/**
 * What the `portal` commands share: a shell over the data directory (the running server sees each
 * write at once), the audit entry a write leaves, the `--base` option and how a write's answer prints.
 */
import { readFileSync } from 'node:fs';
import { buildApp } from '../app.js';
import { parseBaseVersion } from '../portals/save-body.js';
import type { SaveResult } from '../portals/service.js';
import { type CliContext, optionalString, registryOptions, requiredRegistryOptions } from './command.js';
import { databaseUrl, s3Options } from './database.js';

export type ShellApp = Awaited<ReturnType<typeof buildApp>>;

/** Runs `fn` on a shell over `--data`; `registry` says whether the command needs one (writes do). */
export async function withShell(
  ctx: CliContext,
  registry: 'required' | 'optional' | 'none',
  fn: (app: ShellApp) => Promise<void>,
) {
  const options =
    registry === 'required'
      ? requiredRegistryOptions(ctx)
      : registry === 'optional'
        ? registryOptions(ctx)
        : {};
  const app = await buildApp({
    dataDir: ctx.dataDir,
    databaseUrl: databaseUrl(ctx),
    s3: s3Options(ctx),
    ...options,
  });
  try {
    await fn(app);
    await app.shell.usage.flush();
  } finally {
    await app.close();
  }
}

export const BASE_OPTION = { base: { type: 'string' }, json: { type: 'boolean' } } as const;

export const BASE_HELP = `  --base <version>            the portal version your edit is based on: refused (exit 1,
                              SHELL_ERR_PORTAL_STALE) when the portal changed since
  --json                      print the answer as JSON: {village, version, etag, warnings}`;

/** `--base`, as a number (undefined when absent); a bad value is a usage error. */
export function baseOption(ctx: CliContext): number | undefined {
  try {
    return parseBaseVersion(optionalString(ctx, 'base'), '--base');
  } catch {
    return ctx.fail('--base must be a portal version number such as 3 (0 for the first portal)');
  }
}

/** A JSON object from `--config <json>` or `--config-file <f>` (one of them, or neither). */
export function configOption(ctx: CliContext): Record<string, unknown> | undefined {
  const inline = optionalString(ctx, 'config');
  const file = optionalString(ctx, 'config-file');
  if (inline !== undefined && file !== undefined) ctx.fail('give --config or --config-file, not both');
  if (inline === undefined && file === undefined) return undefined;
  let text = inline ?? '';
  if (file !== undefined) {
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      ctx.fail(`--config-file: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    ctx.fail(
      `${inline !== undefined ? '--config' : '--config-file'} is not JSON (${(err as Error).message})`,
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    ctx.fail('the config must be a JSON object such as {"radiusKm": 5}');
  }
  return value as Record<string, unknown>;
}

/** Records a write in the audit log, as the admin API does. */
export async function audit(
  app: ShellApp,
  action: string,
  result: SaveResult,
  detail: Record<string, unknown> = {},
) {
  await app.shell.storage.audit.append({
    actor: 'operator',
    action,
    subject: `village:${result.village}`,
    detail: { version: result.version, ...detail, via: 'cli' },
    ip: 'local',
  });
}

/** Prints a write's answer: its warnings on stderr and the new current version (or the JSON). */
export function printResult(ctx: CliContext, result: SaveResult) {
  if (ctx.values.json === true) {
    ctx.out(`${JSON.stringify(result)}\n`);
    return;
  }
  for (const w of result.warnings) ctx.err(`warning: ${w.zh} / ${w.en}\n`);
  ctx.out(`village ${result.village}: portal version ${result.version} is current\n`);
}
