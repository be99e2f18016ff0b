/**
 * What the registry's end-to-end tests share: the built `cunmen-registry` (run as a command, or served
 * on a free port over a data directory) and users made through it, as an operator would.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type CommandResult,
  freePort,
  publishDocument,
  publishPath,
  runCommand,
  type StartedProcess,
  startProcess,
} from '@cunmen/test-utils';

export const REGISTRY_CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
export const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** The province packages `npm run release` publishes, in dependency order. */
export const RELEASED_PACKAGES = ['errors', 'manifest', 'host-api', 'sdk', 'ui', 'build', 'cli'];

/** The version in `packages/<pkg>/package.json`. */
export function packageVersion(pkg: string): string {
  const file = join(REPO, 'packages', pkg, 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/**
 * `npm run release` as a province maintainer runs it, with HOME and TMPDIR of its own under `dir` (so a
 * test can show no npmrc with the token is left behind). `--no-build`: turbo built the packages before
 * the registry's tests.
 */
export async function releaseProvincePackages(
  registry: string,
  token: string,
  dir: string,
): Promise<CommandResult & { home: string; temp: string }> {
  const home = join(dir, 'home');
  const temp = join(dir, 'tmp');
  mkdirSync(home, { recursive: true });
  mkdirSync(temp, { recursive: true });
  const script = join(REPO, 'scripts', 'release.mjs');
  const result = await runCommand(process.execPath, [script, '--registry', registry, '--no-build'], {
    cwd: REPO,
    env: { CUNMEN_RELEASE_TOKEN: token, HOME: home, TMPDIR: temp },
  });
  return { ...result, home, temp };
}

/** Runs the built `cunmen-registry` with `args` to completion. */
export function runRegistry(...args: string[]): Promise<CommandResult> {
  return runRegistryWith({}, ...args);
}

/** The same with more environment variables (`CUNMEN_DATA`, `CUNMEN_UPLINK`). */
export function runRegistryWith(env: Record<string, string>, ...args: string[]): Promise<CommandResult> {
  return runCommand(process.execPath, [REGISTRY_CLI, ...args], { timeoutMs: 60_000, env });
}

export interface RunningRegistry {
  proc: StartedProcess;
  port: number;
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  base: string;
}

export interface ServeOptions {
  /**
   * The URL tarballs are served under; `'self'` for the server's own address with a trailing slash
   * (what npm is configured with); the server's default when omitted.
   */
  publicUrl?: string;
  /** More `serve` options, e.g. `['--max-publish-mb', '0.01']`. */
  args?: string[];
  /** More environment, e.g. scale mode's `REGISTRY_DATABASE_URL` and `CUNMEN_S3_*`. */
  env?: Record<string, string>;
}

/** `cunmen-registry serve` over `data` on a free port, ready once `/-/ping` answers. */
export async function serveRegistry(data: string, options: ServeOptions = {}): Promise<RunningRegistry> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const url = options.publicUrl === 'self' ? `${base}/` : options.publicUrl;
  const proc = await startProcess({
    command: process.execPath,
    args: [
      REGISTRY_CLI,
      ...['serve', '--port', String(port), '--data', data],
      ...(url ? ['--public-url', url] : []),
      ...(options.args ?? []),
    ],
    readyUrl: `${base}/-/ping`,
    // An uplink only when the test asks for one, whatever the environment that runs the tests says.
    env: { ...options.env, CUNMEN_UPLINK: '' },
  });
  return { proc, port, base };
}

export interface CliUser {
  name: string;
  role: 'province' | 'county';
  county: string;
  scope?: string;
}

/** `cunmen-registry user add`: the token is the command's standard output. */
export function addUserWithCli(data: string, user: CliUser): Promise<CommandResult> {
  return runRegistry(
    'user',
    'add',
    ...['--name', user.name, '--role', user.role, '--county', user.county],
    ...(user.scope ? ['--scope', user.scope] : []),
    ...['--data', data],
  );
}

/** Sends npm's publish document for `name@version` over HTTP, as `npm publish` does. */
export function sendPublish(
  base: string,
  token: string,
  name: string,
  version: string,
  tarball: Buffer,
): Promise<Response> {
  return fetch(`${base}${publishPath(name)}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(publishDocument(name, version, tarball)),
  });
}
