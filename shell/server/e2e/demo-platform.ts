/**
 * The platform exactly as `npm start` seeds a new data directory, for the demo-content test: the
 * registry's demo province (scripts/lib/seed.mjs: users, the @cunmen/* release, the widgets published
 * and approved), the shell's divisions, accounts and portals (scripts/lib/seed-shell.mjs), the shell
 * started with the same flags, and then the content (scripts/lib/seed-content.mjs) run by the test.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { freePort, makeTempDir, type StartedProcess, startProcess } from '@cunmen/test-utils';
import { platformBackend } from './backends.js';
import { repo } from './platform.js';

export interface ShellAccount {
  name: string;
  role: string;
  division: string;
  password: string;
}

export interface ContentCounts {
  households: number;
  published: number;
  inReview: number;
  questions: number;
  complaints: number;
  machines: number;
  bookings: number;
  /** 积分制: claims in every state, goods in the shops, household ledgers. */
  pointsClaims: number;
  goods: number;
  ledgers: number;
  /** 党建 branches (one a village). */
  branches: number;
}

/** What the test uses of the scripts (plain .mjs, Node builtins only, so typed here). */
interface SeedScripts {
  seedDemo(options: { registry: string; registryData: string; dataDir: string; say: Say }): Promise<unknown>;
  readDemoAccounts(dataDir: string): { role: string; token: string }[];
  ensureShellTokens(
    shellData: string,
    provinceToken?: string,
    registryData?: string,
  ): { adminToken: string; registryToken: string; provinceKey: string };
  seedShell(options: { shellData: string; registry: string; say: Say }): Promise<unknown>;
  readShellAccounts(shellData: string): ShellAccount[];
  seedContent(options: {
    shellUrl: string;
    consoleUrl?: string;
    shellData: string;
    say?: Say;
  }): Promise<{ counts: ContentCounts; summary: string; seconds: number } | null>;
  contentMarker(shellData: string): string;
  contentAccountsFile(shellData: string): string;
}

type Say = (line: string) => void;

async function loadScripts(): Promise<SeedScripts> {
  const load = (file: string) => import(pathToFileURL(join(repo, 'scripts', 'lib', file)).href);
  return {
    ...(await load('seed.mjs')),
    ...(await load('seed-shell.mjs')),
    ...(await load('seed-content.mjs')),
  };
}

export interface DemoPlatform {
  scripts: SeedScripts;
  shellUrl: string;
  /** The staff console's origin (staff sign in there; the resident origin refuses them). */
  consoleUrl: string;
  shellData: string;
  /** What the seeding printed (its `say` lines). */
  said: string[];
  /** Stops the shell and starts it again on the same data (as a second `npm start` would). */
  restartShell(): Promise<void>;
  stop(): Promise<void>;
}

export async function startDemoPlatform(): Promise<DemoPlatform> {
  const backend = await platformBackend();
  const scripts = await loadScripts();
  const tmp = await makeTempDir('cunmen-demo-content-');
  const dataDir = tmp.path;
  const registryData = join(dataDir, 'registry');
  const shellData = join(dataDir, 'shell');
  const said: string[] = [];
  const say = (line: string) => said.push(line);

  const registryPort = await freePort();
  const registryUrl = `http://localhost:${registryPort}`;
  const registry = await startProcess({
    command: process.execPath,
    args: [join(repo, 'registry/dist/cli.js'), 'serve', '--port', String(registryPort)].concat([
      '--data',
      registryData,
      '--public-url',
      registryUrl,
    ]),
    readyUrl: `${registryUrl}/-/ping`,
  });
  await scripts.seedDemo({ registry: `${registryUrl}/`, registryData, dataDir, say });
  const reporter = scripts.readDemoAccounts(dataDir).find((a) => a.role === 'usage-reporter');
  const files = scripts.ensureShellTokens(shellData, reporter?.token, registryData);
  await scripts.seedShell({ shellData, registry: registryUrl, say });

  const shellPort = await freePort();
  const shellUrl = `http://127.0.0.1:${shellPort}`;
  // A console beside the portal, as npm start runs it: staff then sign in there only.
  const consolePort = await freePort();
  const consoleUrl = `http://localhost:${consolePort}`;
  const startShell = () =>
    startProcess({
      command: process.execPath,
      args: [join(repo, 'shell/server/dist/cli.js'), 'serve', '--port', String(shellPort)]
        .concat(['--data', shellData, '--public-url', `http://localhost:${shellPort}`])
        .concat(['--registry', registryUrl, '--admin-token-file', files.adminToken])
        .concat(['--registry-token-file', files.registryToken, '--province-key', files.provinceKey])
        .concat(['--console-port', String(consolePort), '--console-url', consoleUrl]),
      readyUrl: `${shellUrl}/healthz`,
    });
  let shell: StartedProcess = await startShell();
  backend.check({ registryData, shellData });
  return {
    scripts,
    shellUrl,
    consoleUrl,
    shellData,
    said,
    async restartShell() {
      await shell.stop();
      shell = await startShell();
    },
    async stop() {
      await shell.stop();
      await registry.stop();
      await backend.stop();
      await tmp.remove();
    },
  };
}
