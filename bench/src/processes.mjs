// Child processes of a bench part: each is started with its output in a log file (a full pipe would
// stall a server mid-measurement), waited for until it answers, and stopped by its own pid.
import { spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import { testUtils } from './paths.mjs';

/** A free loopback port (test-utils' own, from its build: the harness runs against `dist/` builds). */
export async function freePort() {
  const { freePort: free } = await import(testUtils);
  return free();
}

/** Starts `command args` with stdout and stderr appended to `logFile`. */
export function startLogged(command, args, { logFile, env, cwd } = {}) {
  const log = openSync(logFile, 'a');
  return spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', log, log] });
}

/** Resolves once `url` answers below 500; fails when the child exits first or after `seconds`. */
export async function waitForHttp(child, url, what, seconds = 60) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited (${child.exitCode}) before it answered`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.body?.cancel();
      if (res.status < 500) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${what} did not answer ${url} within ${seconds} s`);
}

export function stopChild(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Runs `command args` to completion; rejects with the tail of its output when it fails. */
export function runToEnd(command, args, { env, cwd } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk) => {
      output = (output + chunk.toString()).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${output}`)),
    );
  });
}
