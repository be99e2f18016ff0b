/**
 * .npmrc lines in npm's own format, so `npm install`, `npm publish` and `cunmen publish` share one
 * configuration: scope → registry lines in the project, `//host/:_authToken` in the user's file.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The registry `npm start` runs on this machine: loopback, so nothing sent there leaves it. */
export const LOCAL_REGISTRY = 'http://localhost:4873/';

/**
 * The provincial registry when the developer did not name one, in this order:
 * 1. CUNMEN_REGISTRY;
 * 2. the registry this machine already takes `@cunmen` packages from (`@cunmen:registry` in the user's
 *    .npmrc);
 * 3. the registry npx was pointed at (`npx --registry <url>` passes it on as npm_config_registry) when it
 *    is on this machine: the local `npm start` registry, perhaps on another port;
 * 4. the local `npm start` registry, http://localhost:4873/.
 * Never npm's registry elsewhere: it may be a public mirror from the user's .npmrc, and a widget pointed at
 * it would be published, and its scope installed, from outside the province.
 */
export function defaultProvinceRegistry(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CUNMEN_REGISTRY) return normalizeRegistry(env.CUNMEN_REGISTRY);
  const file = userNpmrcPath(env);
  if (existsSync(file)) {
    const configured = parseNpmrc(readFileSync(file, 'utf8')).get('@cunmen:registry');
    if (configured) return normalizeRegistry(configured);
  }
  const npx = env.npm_config_registry;
  if (npx && isLoopback(npx)) return normalizeRegistry(npx);
  return LOCAL_REGISTRY;
}

function isLoopback(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
  } catch {
    return false;
  }
}

export function normalizeRegistry(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new Error(`registry must be an http(s) URL, got ${url}`);
  return parsed.href.endsWith('/') ? parsed.href : `${parsed.href}/`;
}

/** `http://host:4873/path/` → `//host:4873/path/`, the key prefix npm uses for credentials. */
export function nerfDart(registry: string): string {
  const u = new URL(normalizeRegistry(registry));
  return `//${u.host}${u.pathname}`;
}

export function parseNpmrc(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const eq = line.indexOf('=');
    if (eq > 0) out.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
  }
  return out;
}

/** Sets keys in an npmrc file, keeping every other line as it was. */
export function setNpmrcKeys(file: string, entries: Record<string, string>): void {
  const lines = existsSync(file) ? readFileSync(file, 'utf8').split(/\r?\n/) : [];
  const pending = new Map(Object.entries(entries));
  const updated = lines.map((line) => {
    const key = line.split('=')[0]?.trim();
    if (key !== undefined && pending.has(key)) {
      const value = pending.get(key);
      pending.delete(key);
      return `${key}=${value}`;
    }
    return line;
  });
  while (updated.length > 0 && updated[updated.length - 1] === '') updated.pop();
  for (const [key, value] of pending) updated.push(`${key}=${value}`);
  writeFileSync(file, `${updated.join('\n')}\n`, { mode: 0o600 });
}

export function userNpmrcPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.NPM_CONFIG_USERCONFIG ?? env.npm_config_userconfig ?? join(homedir(), '.npmrc');
}

/** Registry for a scope: project .npmrc first, then the user's. */
export function registryForScope(projectDir: string, scope: string): string | null {
  for (const file of [join(projectDir, '.npmrc'), userNpmrcPath()]) {
    if (!existsSync(file)) continue;
    const value = parseNpmrc(readFileSync(file, 'utf8')).get(`${scope}:registry`);
    if (value) return normalizeRegistry(value);
  }
  return null;
}

export function tokenFor(registry: string): string | null {
  if (process.env.CUNMEN_TOKEN) return process.env.CUNMEN_TOKEN;
  const file = userNpmrcPath();
  if (!existsSync(file)) return null;
  return parseNpmrc(readFileSync(file, 'utf8')).get(`${nerfDart(registry)}:_authToken`) ?? null;
}
