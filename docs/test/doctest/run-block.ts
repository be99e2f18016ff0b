/**
 * Runs one runnable block as a reader would type it, against the docs test's platform. The pages are
 * written for `npm start`'s defaults; the test's platform runs on its own ports and data directory, so a
 * few well-known strings are rewritten first (and in the expected output too):
 *
 * | in the page                         | becomes                                  |
 * | ----------------------------------- | ---------------------------------------- |
 * | `localhost:4873`, `localhost:8080`, `127.0.0.1:8081` | the test's registry, shell and console ports |
 * | `.data/`                            | the test's data directory                |
 * | `<token of NAME>`, `<password of NAME>` | that demo account's token or password |
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Platform } from './platform.ts';

export function substitute(
  text: string,
  platform: Pick<Platform, 'registryPort' | 'shellPort' | 'consolePort' | 'dataDir' | 'accounts'>,
): string {
  return text
    .replaceAll('localhost:4873', `localhost:${platform.registryPort}`)
    .replaceAll('localhost:8080', `localhost:${platform.shellPort}`)
    .replaceAll('127.0.0.1:8081', `127.0.0.1:${platform.consolePort}`)
    .replace(/(^|[\s"'=(])(\.\/)?\.data\//gm, (_m, before: string) => `${before}${platform.dataDir}/`)
    .replace(/<(token|password) of ([\w-]+)>/g, (whole, what: 'token' | 'password', name: string) => {
      const account = platform.accounts.find((a) => a.name === name);
      if (!account) throw new Error(`${whole}: npm start seeded no account named ${name}`);
      return account[what];
    });
}

export interface BlockResult {
  code: number;
  output: string;
  /** The working directory the block ended in (a `cd` carries over to the next block). */
  cwd: string;
}

export function runBlock(
  script: string,
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number; scratch: string },
): Promise<BlockResult> {
  const cwdFile = join(options.scratch, '.doctest-cwd');
  rmSync(cwdFile, { force: true });
  // pipefail: a failing command on the left of a pipe fails the block, as `set -e` would alone.
  const wrapped = `trap 'pwd > "${cwdFile}"' EXIT\nset -eo pipefail\n${script}\n`;
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', wrapped], {
      cwd: options.cwd,
      env: options.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => {
      output += `\n[doctest] timed out after ${options.timeoutMs} ms\n`;
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    }, options.timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      let cwd = options.cwd;
      try {
        cwd = readFileSync(cwdFile, 'utf8').trim() || cwd;
      } catch {}
      resolve({ code: code ?? 128, output, cwd });
    });
  });
}
