// The demo platform for (a) and (d), started exactly as `npm start` starts it (scripts/start.mjs,
// already built, so `--no-build`) on free ports with a throwaway data directory: the same registry,
// shell, seeded province, villages and demo content a resident sees.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from '../paths.mjs';
import { freePort, stopChild } from '../processes.mjs';

/** 仙潭村, the first demo village (scripts/lib/seed-shell.mjs). */
export const XIANTAN = '330521107201';

/**
 * Starts the platform; resolves `{ shellUrl, registryUrl, data, ports, stop }` once `npm start` says it
 * is up. `stop({ keepData: true })` leaves the data directory for a part that serves it again.
 */
export async function startDemoPlatform({ say, timeoutSeconds = 600 }) {
  const data = mkdtempSync(join(tmpdir(), 'cunmen-bench-platform-'));
  const [shell, registry, consolePort] = [await freePort(), await freePort(), await freePort()];
  const child = spawn(process.execPath, [join(root, 'scripts', 'start.mjs'), '--no-build'], {
    cwd: root,
    env: {
      ...process.env,
      CUNMEN_DATA: data,
      PORT: String(shell),
      REGISTRY_PORT: String(registry),
      CONSOLE_PORT: String(consolePort),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const stop = async ({ keepData = false } = {}) => {
    await stopChild(child);
    if (!keepData) rmSync(data, { recursive: true, force: true });
  };
  try {
    await new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`npm start was not up within ${timeoutSeconds} s`)),
        timeoutSeconds * 1000,
      );
      const watch = (chunk) => {
        output = (output + chunk.toString()).slice(-6000);
        if (output.includes('press Ctrl-C to stop')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout.on('data', watch);
      child.stderr.on('data', watch);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`npm start exited (${code}) before it was up:\n${output}`));
      });
    });
  } catch (err) {
    await stop();
    throw err;
  }
  say(`demo platform up: shell :${shell}, registry :${registry}`);
  return {
    shellUrl: `http://localhost:${shell}`,
    registryUrl: `http://localhost:${registry}`,
    data,
    ports: { shell, registry, console: consolePort },
    stop,
  };
}
