// `npm start`: installs what is missing, builds, and runs the platform on the embedded default
// (SQLite and files under one data directory). Ctrl-C stops every process it started.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { childEnv, ensureDependencies, ensurePnpm, log, root, run } from './lib/bootstrap.mjs';

ensurePnpm();
ensureDependencies();
log('building');
run('pnpm', ['exec', 'turbo', 'run', 'build', '--concurrency=2', '--output-logs=errors-only']);

const dataDir = process.env.CUNMEN_DATA ?? join(root, '.data');
const shellPort = Number(process.env.PORT ?? 8080);
mkdirSync(dataDir, { recursive: true });

const services = [
  {
    name: 'shell',
    args: [
      join(root, 'shell/server/dist/cli.js'),
      'serve',
      '--port',
      String(shellPort),
      '--data',
      join(dataDir, 'shell'),
    ],
    ready: /listening on (\S+)/,
  },
];

const children = [];
let stopping = false;

function stopAll(code) {
  if (stopping) return;
  stopping = true;
  log('stopping');
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  const force = setTimeout(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  }, 5000);
  force.unref();
  Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null))).then(
    () => {
      process.exit(code);
    },
  );
}

process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

for (const service of services) {
  const child = spawn(process.execPath, service.args, {
    cwd: root,
    env: childEnv(),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  child.stdout.on('data', (chunk) => {
    const text = chunk.toString();
    process.stdout.write(text.replace(/^/gm, `[${service.name}] `));
    const m = service.ready.exec(text);
    if (m) log(`${service.name} ready at ${m[1]}`);
  });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      log(`${service.name} exited (${code ?? signal}); stopping the others`);
      stopAll(code || 1);
    }
  });
}

log(`data directory: ${dataDir}`);
log(`resident portal: http://localhost:${shellPort}/`);
log('press Ctrl-C to stop');
