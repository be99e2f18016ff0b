/**
 * The shell's option helpers on top of `@cunmen/command-line` (shared with `cunmen-registry`): files
 * holding secrets, URLs, and the registry options several commands take.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CliContext, OptionSpec } from '@cunmen/command-line';
import { describeKey } from '../portals/trust.js';

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

/** Where `--registry` comes from when it is not given (`npm run shell` sets it to the local registry). */
export const REGISTRY_ENV = 'CUNMEN_REGISTRY_URL';

/** Where `--province-key` comes from when it is not given: a path to the PEM file. */
export const PROVINCE_KEY_ENV = 'CUNMEN_PROVINCE_KEY';

/** The pinned key `npm start` writes into the shell's data directory. */
export const PROVINCE_KEY_FILE = 'province-key.pem';

export const REGISTRY_HELP = `  --registry <url>            the registry's base URL (signed releases, keys, usage reports);
                              default: $${REGISTRY_ENV}
  --province-key <pem file>   the province's Ed25519 public key, pinned (required with a registry:
                              the shell never takes it from the registry); default: $${PROVINCE_KEY_ENV},
                              else <data>/${PROVINCE_KEY_FILE} when it exists (npm start writes it)
  --registry-token-file <f>   a file holding a usage-reporter token, for usage reports to the registry
                              (default: <data>/registry-token when it exists, as npm start writes it)`;

/** `--registry`, else the environment's registry URL, checked like the flag. */
function registryUrl(ctx: CliContext): string | undefined {
  const flag = urlOption(ctx, 'registry');
  if (flag !== undefined) return flag;
  const env = process.env[REGISTRY_ENV]?.trim();
  if (!env) return undefined;
  if (!/^https?:\/\/[^/]+/.test(env))
    ctx.fail(`$${REGISTRY_ENV} must be an http(s) URL such as http://localhost:4873`);
  return env;
}

/**
 * The pinned province key: `--province-key`, else `$CUNMEN_PROVINCE_KEY`, else the file `npm start`
 * writes. With a registry and none of them, a usage error naming the flag (exit 2): there is no
 * trust on first use.
 */
function provinceKey(ctx: CliContext, withRegistry: boolean): string | undefined {
  const pem = pinnedPem(ctx, withRegistry);
  if (pem !== undefined) {
    try {
      describeKey(pem);
    } catch (err) {
      ctx.fail(`--province-key: not an Ed25519 public key in PEM (${(err as Error).message})`);
    }
  }
  return pem;
}

function pinnedPem(ctx: CliContext, withRegistry: boolean): string | undefined {
  const flag = fileOption(ctx, 'province-key');
  if (flag !== undefined) return flag;
  const env = process.env[PROVINCE_KEY_ENV]?.trim();
  const file = env || join(ctx.dataDir, PROVINCE_KEY_FILE);
  if (env || existsSync(file)) {
    let pem = '';
    try {
      pem = readFileSync(file, 'utf8').trim();
    } catch (err) {
      ctx.fail(
        `$${PROVINCE_KEY_ENV}: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
    if (pem === '') ctx.fail(`the province key file ${file} is empty`);
    return pem;
  }
  if (withRegistry) {
    ctx.fail(
      `--province-key is required with a registry: pass --province-key <pem file> (the province's public key, \`cunmen-registry key export\`), or set $${PROVINCE_KEY_ENV}; the shell never takes the key from the registry`,
    );
  }
  return undefined;
}

export function registryOptions(ctx: CliContext) {
  const tokenFile = join(ctx.dataDir, 'registry-token');
  const url = registryUrl(ctx);
  return {
    registryUrl: url,
    provinceKeyPem: provinceKey(ctx, url !== undefined),
    registryToken:
      fileOption(ctx, 'registry-token-file') ??
      (existsSync(tokenFile) ? readFileSync(tokenFile, 'utf8').trim() || undefined : undefined),
  };
}

/** The registry options of a command that cannot work without a registry (a usage error, exit 2). */
export function requiredRegistryOptions(ctx: CliContext) {
  const options = registryOptions(ctx);
  if (options.registryUrl === undefined) {
    ctx.fail(`--registry is required: pass --registry <url>, or set $${REGISTRY_ENV}`);
  }
  return options;
}
