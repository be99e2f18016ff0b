// The steps `npm start` and `npm run start:scale` share around their services (Node.js builtins only):
// seeding the demo province into the registry and the shell on the first start, the demo content once
// the shell answers, and the URLs and accounts printed at the end.
import { execFileSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { childEnv, log } from './bootstrap.mjs';
import { isSeeded, readDemoAccounts, SeedError, seedDemo } from './seed.mjs';
import { ContentSeedError, seedContent } from './seed-content.mjs';
import {
  DEMO_VILLAGES,
  ensureShellTokens,
  readShellAccounts,
  ShellSeedError,
  seedShell,
} from './seed-shell.mjs';

const say = (line) => log(`  ${line}`);

/** npm's configured registry: the default uplink, as on a government network's mirror. */
export function npmRegistry() {
  try {
    return execFileSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8', env: childEnv() }).trim();
  } catch {
    return 'https://registry.npmjs.org/';
  }
}

/** A path as short as it can be said from where the command was run. */
function shown(file) {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

/** Seeds the demo province into the running registry once (its marker lives in `registryData`). */
export async function seedRegistryOnce({ registryUrl, registryData, dataDir, supervisor }) {
  if (supervisor.isStopping() || isSeeded(registryData)) return;
  const started = Date.now();
  log('first start: seeding the demo province (users, @cunmen/* packages, two widgets)');
  try {
    await seedDemo({ registry: registryUrl, registryData, dataDir, say });
    log(`seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (err) {
    if (!supervisor.isStopping()) {
      log(`seeding failed: ${err instanceof SeedError ? err.message : err.stack}`);
      log('fix the cause and start again: seeding resumes where it stopped');
      supervisor.stopAll(1);
    }
  }
}

/**
 * Writes the shell's token files and seeds its demo accounts and portals (once); returns the arguments
 * every shell instance is started with.
 */
export async function prepareShell({ shellData, registryData, dataDir, registryUrl, supervisor }) {
  const reporter = readDemoAccounts(dataDir).find((a) => a.role === 'usage-reporter');
  // The province key is pinned into the shell's own configuration once; the shell never takes it from
  // what the registry serves.
  const files = ensureShellTokens(shellData, reporter?.token, registryData);
  const args = [
    '--admin-token-file',
    files.adminToken,
    '--province-key',
    files.provinceKey,
    ...(reporter ? ['--registry-token-file', files.registryToken] : []),
  ];
  if (supervisor.isStopping()) return args;
  try {
    await seedShell({ shellData, registry: registryUrl.replace(/\/+$/, ''), say });
  } catch (err) {
    log(`seeding the shell failed: ${err instanceof ShellSeedError ? err.message : err.stack}`);
    log('fix the cause and start again');
    supervisor.stopAll(1);
  }
  return args;
}

/** The villages' demo content, once; the platform runs without it when that fails. */
export async function seedContentOnce({ shellUrl, consoleUrl, shellData, supervisor }) {
  if (supervisor.isStopping()) return;
  const failed = (err) => log(`demo content: ${err instanceof ContentSeedError ? err.message : err.stack}`);
  const content = await seedContent({ shellUrl, consoleUrl, shellData, say }).catch(failed);
  if (content) log(content.summary);
}

/** The URLs to open and the demo accounts to sign in with. */
export function printPlatform({ registryUrl, uplink, shellPort, consoleUrl, shellData, dataDir }) {
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
      log(
        `  ${a.name.padEnd(width)}  ${a.role.padEnd(14)} ${a.county}  ${(a.scope ?? '-').padEnd(8)} ${a.password ?? '(token only)'}`,
      );
    }
  }
  log('press Ctrl-C to stop');
}
