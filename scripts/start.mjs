// `npm start`: installs what is missing, builds, and runs the platform on the embedded default
// (SQLite and files under one data directory): the registry, then the shell. On the first start it
// seeds the demo province into the registry (lib/seed.mjs). Ctrl-C stops every process it started.
// `npm run start:scale` (start-scale.mjs) runs the same platform on PostgreSQL, S3 and nginx.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDependencies, ensureFonts, ensurePnpm, log, root, run } from './lib/bootstrap.mjs';
import {
  npmRegistry,
  prepareShell,
  printPlatform,
  seedContentOnce,
  seedRegistryOnce,
} from './lib/demo-platform.mjs';
import { createSupervisor } from './lib/supervisor.mjs';

ensurePnpm();
ensureDependencies();
// The village QR poster is drawn with Noto Sans CJK; without it the console answers 503 for posters.
try {
  ensureFonts();
} catch (err) {
  log(`warning: ${err.message}; village QR posters need it`);
}
// `--no-build` is for callers that built everything already (the docs test, under turbo).
if (!process.argv.includes('--no-build')) {
  log('building');
  run('pnpm', ['exec', 'turbo', 'run', 'build', '--concurrency=2', '--output-logs=errors-only']);
}

const dataDir = process.env.CUNMEN_DATA ?? join(root, '.data');
const shellPort = Number(process.env.PORT ?? 8080);
const registryPort = Number(process.env.REGISTRY_PORT ?? 4873);
// The staff console is an origin of its own: another host name, since browsers share cookies across ports.
const consolePort = Number(process.env.CONSOLE_PORT ?? 8081);
const consoleUrl = process.env.CONSOLE_URL ?? `http://127.0.0.1:${consolePort}`;
const registryUrl = `http://localhost:${registryPort}/`;
const registryData = join(dataDir, 'registry');
// Packages outside the province's and counties' scopes (React, zod …) come through the province registry
// from an uplink, as on a government network: by default npm's own configured registry; `off` disables it.
const uplink = process.env.CUNMEN_UPLINK ?? npmRegistry();
const logDir = join(dataDir, 'logs');
mkdirSync(registryData, { recursive: true });
mkdirSync(logDir, { recursive: true });

const registry = {
  name: 'registry',
  args: [
    join(root, 'registry/dist/cli.js'),
    'serve',
    '--port',
    String(registryPort),
    '--data',
    registryData,
    '--public-url',
    `http://localhost:${registryPort}`,
    ...(uplink && uplink !== 'off' ? ['--uplink', uplink] : []),
  ],
  ready: /listening on (\S+)/,
  // One JSON line per request: kept in a file, so the terminal shows only what needs attention.
  logFile: join(logDir, 'registry.log'),
};
const shellData = join(dataDir, 'shell');
const shell = {
  name: 'shell',
  args: [
    join(root, 'shell/server/dist/cli.js'),
    'serve',
    '--port',
    String(shellPort),
    '--data',
    shellData,
    '--public-url',
    `http://localhost:${shellPort}`,
    '--registry',
    `http://localhost:${registryPort}`,
    '--console-port',
    String(consolePort),
    '--console-url',
    consoleUrl,
  ],
  ready: /listening on (\S+)/,
  logFile: join(logDir, 'shell.log'),
};

const supervisor = createSupervisor();
log(`data directory: ${dataDir}`);
await supervisor.startService(registry);
await seedRegistryOnce({ registryUrl, registryData, dataDir, supervisor });
const shellArgs = await prepareShell({ shellData, registryData, dataDir, registryUrl, supervisor });
shell.args.push(...shellArgs);
if (!supervisor.isStopping()) await supervisor.startService(shell);
await seedContentOnce({ shellUrl: `http://127.0.0.1:${shellPort}`, consoleUrl, shellData, supervisor });
if (!supervisor.isStopping()) {
  printPlatform({ registryUrl, uplink, shellPort, consoleUrl, shellData, dataDir });
}
