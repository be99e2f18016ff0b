// `npm start`: installs what is missing, builds, and runs the platform on the embedded default
// (SQLite and files under one data directory): the registry, then the shell. On the first start it
// seeds the demo province into the registry (lib/seed.mjs). Ctrl-C stops every process it started.
import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { childEnv, ensureDependencies, ensureFonts, ensurePnpm, log, root, run } from './lib/bootstrap.mjs';
import { stopRunning } from './lib/exec.mjs';
import { isSeeded, readDemoAccounts, SeedError, seedDemo } from './lib/seed.mjs';
import { ContentSeedError, seedContent } from './lib/seed-content.mjs';
import {
  DEMO_VILLAGES,
  ensureShellTokens,
  readShellAccounts,
  ShellSeedError,
  seedShell,
} from './lib/seed-shell.mjs';

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

/** A path as short as it can be said from where `npm start` was run. */
function shown(file) {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

function npmRegistry() {
  try {
    return execFileSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8', env: childEnv() }).trim();
  } catch {
    return 'https://registry.npmjs.org/';
  }
}

const children = [];
let stopping = false;

function stopAll(code) {
  if (stopping) return;
  stopping = true;
  log('stopping');
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  const force = setTimeout(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    stopRunning('SIGKILL');
  }, 5000);
  force.unref();
  const services = children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null));
  Promise.all([...services, stopRunning('SIGTERM')]).then(() => {
    process.exit(code);
  });
}

process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

/**
 * Prints a service's output line by line under its name. JSON log lines go to its log file; only
 * warnings and errors among them are shown, as `[name] warning: message (request id)`.
 */
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

/** Starts a service; resolves once it prints its ready line. */
function startService(service) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, service.args, {
      cwd: root,
      env: childEnv(),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(child);
    const write = lineWriter(service);
    let ready = false;
    child.stdout.on('data', (chunk) => {
      write(chunk);
      const m = !ready && service.ready.exec(chunk.toString());
      if (m) {
        ready = true;
        log(`${service.name} ready at ${m[1]}`);
        resolve();
      }
    });
    child.on('exit', (code, signal) => {
      if (!stopping) {
        log(`${service.name} exited (${code ?? signal}); stopping the others`);
        stopAll(code || 1);
      }
    });
  });
}

log(`data directory: ${dataDir}`);
await startService(registry);
if (!stopping && !isSeeded(registryData)) {
  const started = Date.now();
  log('first start: seeding the demo province (users, @cunmen/* packages, two widgets)');
  try {
    await seedDemo({ registry: registryUrl, registryData, dataDir, say: (line) => log(`  ${line}`) });
    log(`seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (err) {
    if (!stopping) {
      log(`seeding failed: ${err instanceof SeedError ? err.message : err.stack}`);
      log('fix the cause and run npm start again: seeding resumes where it stopped');
      stopAll(1);
    }
  }
}
if (!stopping) {
  const province = readDemoAccounts(dataDir).find((a) => a.role === 'province');
  const files = ensureShellTokens(shellData, province?.token);
  shell.args.push('--admin-token-file', files.adminToken);
  // The shell trusts the province key from its own configuration, never from what the registry serves.
  shell.args.push('--province-key', join(registryData, 'keys', 'province-ed25519.pub'));
  if (province) shell.args.push('--registry-token-file', files.registryToken);
  try {
    await seedShell({
      shellData,
      registry: `http://localhost:${registryPort}`,
      say: (line) => log(`  ${line}`),
    });
  } catch (err) {
    log(`seeding the shell failed: ${err instanceof ShellSeedError ? err.message : err.stack}`);
    log('fix the cause and run npm start again');
    stopAll(1);
  }
}
if (!stopping) await startService(shell);
if (!stopping) {
  // The platform runs without its demo content when that fails; npm start again resumes it.
  const say = (line) => log(`  ${line}`);
  const failed = (err) => log(`demo content: ${err instanceof ContentSeedError ? err.message : err.stack}`);
  const shellUrl = `http://127.0.0.1:${shellPort}`;
  const content = await seedContent({ shellUrl, shellData, say }).catch(failed);
  if (content) log(content.summary);
}
if (!stopping) {
  const accounts = readDemoAccounts(dataDir);
  log(`registry: ${registryUrl}${uplink && uplink !== 'off' ? ` (uplink ${uplink})` : ''}`);
  log(`catalog: ${registryUrl}-/cunmen/v1/catalog`);
  log(`resident portals: http://localhost:${shellPort}/ lists the villages, e.g.`);
  for (const v of DEMO_VILLAGES) log(`  ${v.name}  http://localhost:${shellPort}/v/${v.code}/`);
  log(`staff console (村门工作台, cadres, county and province staff sign in here): ${consoleUrl}/`);
  log(`  仙潭村's cadre pages: ${consoleUrl}/v/${DEMO_VILLAGES[0].code}/cadre`);
  const shellAccounts = readShellAccounts(shellData);
  if (shellAccounts.length > 0) {
    log(
      'shell accounts (staff on the console, residents at /v/<village>/signin; the county admin enrols TOTP first):',
    );
    for (const a of shellAccounts)
      log(`  ${a.name.padEnd(18)} ${a.role.padEnd(14)} ${a.division.padEnd(12)} ${a.password}`);
    log(`operator token for the admin API: ${shown(join(shellData, 'admin-token'))}`);
  }
  if (accounts.length > 0) {
    const file = join(dataDir, 'demo-tokens.json');
    log(`demo accounts (password for npm login; tokens in ${shown(file)}):`);
    const width = Math.max(...accounts.map((a) => a.name.length));
    for (const a of accounts) {
      log(`  ${a.name.padEnd(width)}  ${a.role.padEnd(8)} ${a.county}  ${a.scope.padEnd(8)} ${a.password}`);
    }
  }
  log('press Ctrl-C to stop');
}
