// Asynchronous child processes that a signal handler can stop (Node.js builtins only). Each child runs in
// its own process group, so stopping it also stops whatever it started (npm, pnpm, …).
import { spawn } from 'node:child_process';

/** Each running child and a promise of its end. */
const running = new Map();

/**
 * Runs a command to completion and collects its output; never throws for a non-zero exit.
 * `input` is written to its standard input (then closed); `onOutput` sees every chunk as it arrives.
 */
export function exec(command, args, { cwd, env, input, onOutput } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd,
      env,
      detached: true,
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      onOutput?.(chunk.toString());
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      onOutput?.(chunk.toString());
    });
    if (input !== undefined) child.stdin.end(input);
    child.on('error', (err) => {
      stderr += `${err.message}\n`;
    });
    running.set(
      child,
      new Promise((closed) => {
        child.on('close', (code, signal) => {
          running.delete(child);
          closed();
          resolve({ code: code === null ? 128 : code < 0 ? 127 : code, signal, stdout, stderr });
        });
      }),
    );
  });
}

/** Sends a signal to every running child's process group; resolves once they have all exited. */
export function stopRunning(signal = 'SIGTERM') {
  const ends = [...running.values()];
  for (const child of running.keys()) {
    try {
      process.kill(-child.pid, signal);
    } catch {
      child.kill(signal);
    }
  }
  return Promise.all(ends);
}
