/**
 * The shell's option helpers on top of `@cunmen/command-line` (shared with `cunmen-registry`): files
 * holding secrets, URLs, and the registry options several commands take.
 */
import { readFileSync } from 'node:fs';
import type { CliContext, OptionSpec } from '@cunmen/command-line';

export type { CliCommand, CliContext, OptionSpec } from '@cunmen/command-line';

/** Like the shared helper, but an empty value counts as absent. */
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
