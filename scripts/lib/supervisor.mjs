// The long-running services of `npm start` and `npm run start:scale` (Node.js builtins only): each is
// started, shown under its name, and waited for; when one exits unexpectedly, or on Ctrl-C, every one
// is stopped. JSON log lines go to the service's log file; only warnings and errors reach the terminal.
import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { childEnv, log, root } from './bootstrap.mjs';
import { stopRunning } from './exec.mjs';

/**
 * A service: `{ name, command?, args, env?, ready, where?, logFile?, stopSignal?, spawn? }`. `command`
 * defaults to Node.js; `ready` is a pattern of its output (its first group is reported as where it runs)
 * or an async check; `spawn` adds child_process options (`uid`, `gid`).
 */
export function createSupervisor() {
  const children = [];
  let stopping = false;

  function stopAll(code) {
    if (stopping) return;
    stopping = true;
    log('stopping');
    // Reverse order: nginx before the instances, the instances before their database.
    const stopOne = (child) =>
      child.exitCode === null && child.signalCode === null
        ? new Promise((resolve) => {
            child.once('exit', resolve);
            child.kill(child.stopSignal ?? 'SIGTERM');
          })
        : null;
    const force = setTimeout(() => {
      for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
      stopRunning('SIGKILL');
    }, 30_000);
    force.unref();
    (async () => {
      for (const child of [...children].reverse()) await stopOne(child);
      await stopRunning('SIGTERM');
      process.exit(code);
    })();
  }

  process.on('SIGINT', () => stopAll(0));
  process.on('SIGTERM', () => stopAll(0));

  /** Prints a service's output line by line under its name; JSON log lines go to its log file. */
  function lineWriter(service) {
    let pending = '';
    return (chunk) => {
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop();
      for (const line of lines) {
        if (service.logFile && line.startsWith('{')) {
          appendFileSync(service.logFile, `${line}\n`);
          let entry = null;
          try {
            entry = JSON.parse(line);
          } catch {}
          if (entry?.level >= 40) {
            const request = entry.reqId ? ` (request ${entry.reqId})` : '';
            const level = entry.level >= 50 ? 'error' : 'warning';
            process.stdout.write(`[${service.name}] ${level}: ${entry.msg}${request}\n`);
          }
          continue;
        }
        process.stdout.write(`[${service.name}] ${line}\n`);
      }
    };
  }

  /** Starts a service; resolves once it is ready. */
  function startService(service) {
    return new Promise((resolve) => {
      const child = spawn(service.command ?? process.execPath, service.args, {
        cwd: root,
        env: childEnv(service.env),
        stdio: ['ignore', 'pipe', 'pipe'],
        ...service.spawn,
      });
      child.stopSignal = service.stopSignal;
      children.push(child);
      const write = lineWriter(service);
      let ready = false;
      const isReady = (where) => {
        if (ready) return;
        ready = true;
        log(`${service.name} ready${where ? ` at ${where}` : ''}`);
        resolve();
      };
      const watch = (chunk) => {
        write(chunk);
        const m = service.ready instanceof RegExp && !ready && service.ready.exec(chunk.toString());
        if (m) isReady(service.where ?? m[1]);
      };
      child.stdout.on('data', watch);
      child.stderr.on('data', watch);
      if (typeof service.ready === 'function') {
        (async () => {
          while (!ready && !stopping && child.exitCode === null) {
            if (await service.ready().catch(() => false)) isReady(service.where);
            else await new Promise((r) => setTimeout(r, 200));
          }
        })();
      }
      child.on('exit', (code, signal) => {
        if (!stopping) {
          log(`${service.name} exited (${code ?? signal}); stopping the others`);
          stopAll(code || 1);
        }
      });
    });
  }

  return { startService, stopAll, isStopping: () => stopping };
}
