/**
 * The whole platform as `npm start` runs it, for the full-stack browser tests: the real registry and
 * shell processes, the real example widgets and standard modules published with `cunmen publish` by
 * their counties and the province (三务公开, 接诉即办, 积分制) and approved on the registry's CLI, shell accounts made with
 * `cunmen-shell user add`, and 仙潭村's portal saved over the CLI.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  freePort,
  type LaunchedBrowser,
  launchChromium,
  makeTempDir,
  runCommand,
  type StartedProcess,
  startProcess,
} from '@cunmen/test-utils';
import { platformBackend } from './backends.js';

export const repo = fileURLToPath(new URL('../../../', import.meta.url));
const shellCli = join(repo, 'shell/server/dist/cli.js');
const registryCli = join(repo, 'registry/dist/cli.js');
const cunmenCli = join(repo, 'packages/cli/dist/bin.js');
export const XIANTAN = '330521107201';
export const PASSWORD = 'platform test password 1';

/** The shell accounts of the test province (all with PASSWORD). */
export const ACCOUNTS = {
  cadre: { name: 'xt-cadre', role: 'village-cadre', division: XIANTAN, display: '仙潭村村委会' },
  /** A second committee member (积分制: a deduction needs two). */
  cadre2: { name: 'xt-cadre2', role: 'village-cadre', division: XIANTAN, display: '仙潭村村委会委员' },
  /** The village's 积分超市: redeems points at the counter. */
  merchant: { name: 'xt-merchant', role: 'merchant', division: XIANTAN, display: '仙潭村积分超市' },
  supervisor: { name: 'xt-supervisor', role: 'supervisor', division: XIANTAN, display: '仙潭村务监督委员会' },
  resident: { name: 'xt-zhang', role: 'resident', division: XIANTAN, display: '张建华', household: 'H-0012' },
  /** Another resident: whose documents the evil widget must not read (e2e/evil-widget). */
  neighbour: { name: 'xt-li', role: 'resident', division: XIANTAN, display: '李秀英' },
  township: { name: 'mgs-staff', role: 'township-staff', division: '330521107', display: '莫干山镇人民政府' },
  county: { name: 'dq-admin', role: 'county-admin', division: '330521', display: '德清县管理员' },
} as const;

export interface Platform {
  shellUrl: string;
  /** The staff console's origin: another host name than the residents' (localhost vs 127.0.0.1), as in production, so the browser keeps the two cookie jars apart. */
  consoleUrl: string;
  registryUrl: string;
  /** The registry's data directory (its CLI approves a test's own widget: e2e/evil-widget). */
  registryData: string;
  /** The registry tokens of the province and the two counties, to publish and review in a test. */
  tokens: { province: string; deqing: string; yiyuan: string };
  browser: LaunchedBrowser;
  stop(): Promise<void>;
}

async function cli(
  path: string,
  args: string[],
  options: { input?: string; env?: Record<string, string> } = {},
) {
  const r = await runCommand(process.execPath, [path, ...args], { cwd: repo, ...options });
  if (r.code !== 0) throw new Error(`${args.slice(0, 2).join(' ')} failed: ${r.stderr}${r.stdout}`);
  return r.stdout.trim();
}

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
  const backend = await platformBackend();
  const tmp = (await makeTempDir('cunmen-full-stack-')).path;
  const regData = join(tmp, 'registry');
  const shellData = join(tmp, 'shell');
  const regPort = await freePort();
  const registryUrl = `http://127.0.0.1:${regPort}`;
  const user = (name: string, role: string, county: string, scope: string) =>
    cli(registryCli, [
      'user',
      'add',
      '--name',
      name,
      '--role',
      role,
      '--county',
      county,
      '--scope',
      scope,
      '--data',
      regData,
    ]);
  const province = await user('zj', 'province', '330000', '@cunmen');
  const deqing = await user('dq', 'county', '330521', '@deqing');
  const yiyuan = await user('yy', 'county', '370323', '@yiyuan');
  const registry: StartedProcess = await startProcess({
    command: process.execPath,
    args: [registryCli, 'serve', '--port', String(regPort), '--data', regData, '--public-url', registryUrl],
    readyUrl: `${registryUrl}/-/ping`,
  });
  for (const [dir, token] of [
    ['plugins/find-machinery', deqing],
    ['plugins/waste-pickup', yiyuan],
    ['plugins/complaints', province],
    ['plugins/affairs-disclosure', province],
    ['plugins/points', province],
    ['plugins/party-building', province],
  ] as const) {
    await cli(cunmenCli, ['publish', join(repo, dir), '--registry', `${registryUrl}/`], {
      env: { CUNMEN_TOKEN: token },
    });
  }
  // find-machinery gets no capability at all: its store reads must be refused by the shell.
  await cli(registryCli, [
    'review',
    'approve',
    '@deqing/find-machinery@0.1.0',
    '--grant',
    '',
    '--data',
    regData,
  ]);
  for (const id of [
    '@yiyuan/waste-pickup@0.1.0',
    '@cunmen/complaints@0.1.0',
    '@cunmen/affairs-disclosure@0.1.0',
    '@cunmen/points@0.1.0',
    '@cunmen/party-building@0.1.0',
  ]) {
    await cli(registryCli, ['review', 'approve', id, '--data', regData]);
  }

  await cli(shellCli, ['seed-demo', '--data', shellData]);
  for (const a of Object.values(ACCOUNTS)) {
    await cli(
      shellCli,
      [
        'user',
        'add',
        ...['--name', a.name, '--role', a.role, '--division', a.division, '--display-name', a.display],
        ...('household' in a ? ['--household', a.household] : []),
        ...['--data', shellData],
      ],
      { input: `${PASSWORD}\n` },
    );
  }
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
  return {
    shellUrl,
    consoleUrl,
    registryUrl,
    registryData: regData,
    tokens: { province, deqing, yiyuan },
    browser,
    async stop() {
      await browser.close();
      await shell.stop();
      await registry.stop();
      await backend.stop();
    },
  };
}
