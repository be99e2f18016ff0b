/**
 * The whole platform as `npm start` runs it, for the full-stack browser tests: the real registry and
 * shell processes, the real example widgets and standard modules published with `cunmen publish` by
 * their counties and the province (三务公开, 接诉即办, 积分制, 党建) and approved on the registry's CLI,
 * shell accounts made with `cunmen-shell user add` (all of it once per run: platform-template.ts), and
 * 仙潭村's portal saved over the CLI against this suite's own registry.
 */
import { writeFileSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import {
  freePort,
  type LaunchedBrowser,
  launchChromium,
  makeTempDir,
  startProcess,
} from '@cunmen/test-utils';
import { platformBackend } from './backends.js';
import {
  cli,
  platformTemplate,
  type RegistryTokens,
  serveRegistry,
  shellCli,
  XIANTAN,
} from './platform-template.js';

export { ACCOUNTS, PASSWORD, repo, XIANTAN } from './platform-template.js';

export interface Platform {
  shellUrl: string;
  /** The staff console's origin: another host name than the residents' (localhost vs 127.0.0.1), as in production, so the browser keeps the two cookie jars apart. */
  consoleUrl: string;
  registryUrl: string;
  /** The registry's data directory (its CLI approves a test's own widget: e2e/evil-widget). */
  registryData: string;
  /** The registry tokens of the province and the two counties, to publish and review in a test. */
  tokens: RegistryTokens;
  browser: LaunchedBrowser;
  stop(): Promise<void>;
}

/**
 * How long a suite's `beforeAll` gives `startPlatform`: the run's template may be made by this suite or
 * awaited from another (6 minutes seen at a load average of 24 on 2 cores), then the suite's own copy
 * starts. A suite adds what its own set-up needs on top.
 */
export const PLATFORM_START_MS = 15 * 60_000;

/** Waits until `url` answers 200 (the console port listens right after the resident one). */
async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer`);
}

export async function startPlatform(): Promise<Platform> {
  // Users, publishes, approvals and accounts are made once per test run (platform-template.ts);
  // this file's platform starts on its own copy of them.
  const began = Date.now();
  const template = await platformTemplate();
  const copied = Date.now();
  const backend = await platformBackend({ from: template.dir });
  const tmp = (await makeTempDir('cunmen-full-stack-')).path;
  const regData = join(tmp, 'registry');
  const shellData = join(tmp, 'shell');
  await cp(join(template.dir, 'registry'), regData, { recursive: true });
  await cp(join(template.dir, 'shell'), shellData, { recursive: true });
  const { province } = template.tokens;
  const { url: registryUrl, process: registry } = await serveRegistry(regData);

  const tokenFile = join(tmp, 'registry-token');
  writeFileSync(tokenFile, province);
  const place = (name: string, route: string, cadre?: string) => ({
    name,
    version: '0.1.0',
    config: {},
    placements: [
      { slot: 'village.home.tile/v1', expose: './Tile' },
      { slot: 'village.page/v1', expose: './Page', route },
      { slot: 'village.nav/v1', route },
      ...(cadre ? [{ slot: 'cadre.page/v1', expose: cadre, route }] : []),
    ],
  });
  const config = join(tmp, 'portal.json');
  writeFileSync(
    config,
    JSON.stringify({
      widgets: [
        place('@cunmen/affairs-disclosure', 'affairs-disclosure', './Cadre'),
        place('@cunmen/complaints', 'complaints', './Cadre'),
        place('@cunmen/points', 'points', './Cadre'),
        place('@cunmen/party-building', 'party', './Cadre'),
        // The county widgets' admin pages too, as the demo portal of `npm start` places them.
        place('@deqing/find-machinery', 'find-machinery', './Admin'),
        place('@yiyuan/waste-pickup', 'waste-pickup', './Admin'),
      ],
    }),
  );
  // The operator pins the province key the registry made on its first start.
  const provinceKey = ['--province-key', join(regData, 'keys', 'province-ed25519.pub')];
  await cli(shellCli, [
    'portal',
    'set',
    XIANTAN,
    ...['--file', config, '--registry', registryUrl, '--registry-token-file', tokenFile, '--data', shellData],
    ...provinceKey,
  ]);

  const shellPort = await freePort();
  const shellUrl = `http://127.0.0.1:${shellPort}`;
  const consolePort = await freePort();
  const consoleUrl = `http://localhost:${consolePort}`;
  const shell = await startProcess({
    command: process.execPath,
    args: [
      shellCli,
      'serve',
      '--port',
      String(shellPort),
      '--data',
      shellData,
      '--registry',
      registryUrl,
      ...provinceKey,
      '--public-url',
      shellUrl,
      '--console-port',
      String(consolePort),
      '--console-url',
      consoleUrl,
    ],
    readyUrl: `${shellUrl}/healthz`,
  });
  await waitFor(`http://127.0.0.1:${consolePort}/healthz`);
  backend.check({ registryData: regData, shellData });
  const browser = await launchChromium();
  const seconds = (from: number) => ((Date.now() - from) / 1000).toFixed(1);
  console.log(`platform: template ready after ${seconds(began)} s, own copy started in ${seconds(copied)} s`);
  return {
    shellUrl,
    consoleUrl,
    registryUrl,
    registryData: regData,
    tokens: template.tokens,
    browser,
    async stop() {
      await browser.close();
      await shell.stop();
      await registry.stop();
      await backend.stop();
    },
  };
}
