/**
 * Starts the real server processes a test needs and always cleans them up: each child runs in its own
 * process group, which is killed on stop, on test-file teardown and when the test process exits.
 */
import { type ChildProcess, spawn } from 'node:child_process';

export interface StartedProcess {
  /** Everything the process printed so far (stdout and stderr), for assertions and failure reports. */
  readonly output: () => string;
  readonly child: ChildProcess;
  /** Resolves once the process has exited; SIGTERM first, SIGKILL after `graceMs`. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
}

export interface StartProcessOptions {
  command: string;
  args?: string[];
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** The process is ready when its output matches this. */
  readyPattern?: RegExp;
  /** …or when this URL answers with a status below 500. */
  readyUrl?: string;
  timeoutMs?: number;
  /** Run as this user and group (when this process is root), e.g. a server that refuses root. */
  uid?: number;
  gid?: number;
}

const running = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

process.once('exit', () => {
  for (const child of running) killGroup(child, 'SIGKILL');
});

async function urlAnswers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
    await res.body?.cancel();
    return res.status < 500;
  } catch {
    return false;
  }
}

export async function startProcess(options: StartProcessOptions): Promise<StartedProcess> {
  const { command, args = [], cwd, readyPattern, readyUrl, timeoutMs = 60_000 } = options;
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...options.env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.uid === undefined ? {} : { uid: options.uid }),
    ...(options.gid === undefined ? {} : { gid: options.gid }),
  });
  running.add(child);
  let output = '';
  child.stdout?.on('data', (c: Buffer) => {
    output += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    output += c.toString();
  });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      running.delete(child);
      resolve();
    });
  });

  const started: StartedProcess = {
    child,
    output: () => output,
    async stop(signal = 'SIGTERM', graceMs = 5000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      killGroup(child, signal);
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `${command} ${args.join(' ')} exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output}`,
      );
    }
    if (readyPattern?.test(output)) return started;
    if (readyUrl && (await urlAnswers(readyUrl))) return started;
    if (!readyPattern && !readyUrl) return started;
    await new Promise((r) => setTimeout(r, 100));
  }
  await started.stop('SIGKILL');
  throw new Error(`${command} ${args.join(' ')} was not ready within ${timeoutMs} ms:\n${output}`);
}
