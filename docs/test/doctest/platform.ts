/**
 * A freshly started platform for the docs test: `npm start` itself (the command the docs tell a newcomer
 * to run), on free ports with its own data directory, so what the pages show is what a reader gets.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@cunmen/test-utils';

export interface DemoAccount {
  name: string;
  token: string;
  password: string;
}

export interface Platform {
  registryPort: number;
  shellPort: number;
  consolePort: number;
  dataDir: string;
  accounts: DemoAccount[];
  /** Everything `npm start` printed so far. */
  output(): string;
  stop(): Promise<void>;
}

export async function startPlatform(options: {
  root: string;
  dataDir: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
}): Promise<Platform> {
  const registryPort = await freePort();
  const shellPort = await freePort();
  const consolePort = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [join(options.root, 'scripts/start.mjs'), '--no-build'],
    {
      cwd: options.root,
      env: {
        ...options.env,
        CUNMEN_DATA: options.dataDir,
        PORT: String(shellPort),
        REGISTRY_PORT: String(registryPort),
        CONSOLE_PORT: String(consolePort),
      },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`npm start was not ready in ${options.timeoutMs} ms:\n${output}`)),
      options.timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('press Ctrl-C to stop')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code} before it was ready:\n${output}`));
    });
  });
  const saved = JSON.parse(readFileSync(join(options.dataDir, 'demo-tokens.json'), 'utf8')) as {
    users: DemoAccount[];
  };
  return {
    registryPort,
    shellPort,
    consolePort,
    dataDir: options.dataDir,
    accounts: saved.users,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.pid === undefined) return;
      process.kill(-child.pid, 'SIGTERM');
      const force = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 10_000);
      await exited;
      clearTimeout(force);
    },
  };
}
