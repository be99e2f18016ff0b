/**
 * One `cunmen-shell` command: its words (`portal set`), its help text, its options and what it does.
 * Each command group lives in its own file under `cli/` and is listed once in `cli/index.ts`.
 */
import { readFileSync } from 'node:fs';
import type { parseArgs } from 'node:util';

export type OptionSpec = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

export interface CliCommand {
  /** The command words, e.g. `portal set`. */
  name: string;
  /** One line for the main help. */
  summary: string;
  /** The full `--help` text. */
  help: string;
  /** Options besides `--help` and `--data`, which every command takes. */
  options?: OptionSpec;
  /** How many positional arguments it takes (default none). */
  positionals?: { min: number; max: number; label: string };
  run(ctx: CliContext): Promise<void>;
}

export interface CliContext {
  dataDir: string;
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
  out(text: string): void;
  err(text: string): void;
  /** Reports a usage error for this command and exits 2. */
  fail(message: string): never;
}

export function optionalString(ctx: CliContext, key: string): string | undefined {
  const v = ctx.values[key];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** The trimmed contents of the file named by `--<key>`, or undefined when the option is absent. */
export function fileOption(ctx: CliContext, key: string): string | undefined {
  const path = optionalString(ctx, key);
  if (path === undefined) return undefined;
  try {
    const text = readFileSync(path, 'utf8').trim();
    if (text === '') ctx.fail(`--${key}: ${path} is empty`);
    return text;
  } catch (err) {
    return ctx.fail(`--${key}: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

export function urlOption(ctx: CliContext, key: string): string | undefined {
  const url = optionalString(ctx, key);
  if (url !== undefined && !/^https?:\/\/[^/]+/.test(url)) {
    ctx.fail(`--${key} must be an http(s) URL such as https://registry.example.gov.cn`);
  }
  return url;
}

/** Options shared by every command that resolves portals against the registry. */
export const REGISTRY_OPTIONS = {
  registry: { type: 'string' },
  'province-key': { type: 'string' },
  'registry-token-file': { type: 'string' },
} as const satisfies OptionSpec;

export const REGISTRY_HELP = `  --registry <url>            the registry's base URL (signed releases, keys, usage reports)
  --province-key <pem file>   the province's Ed25519 public key; pin it in production (default: fetched
                              from the registry's /-/cunmen/v1/keys)
  --registry-token-file <f>   a file holding a province token, for usage reports to the registry`;

export function registryOptions(ctx: CliContext) {
  return {
    registryUrl: urlOption(ctx, 'registry'),
    provinceKeyPem: fileOption(ctx, 'province-key'),
    registryToken: fileOption(ctx, 'registry-token-file'),
  };
}
