/**
 * The whole platform as `npm start` runs it, in one test: the real registry and shell processes, the two
 * real example widgets published with `cunmen publish` and approved (find-machinery granted NO
 * capability, to see a denial), a portal saved over the CLI, and a resident in Chromium: both tiles are
 * loaded at run time from the registry; opening find-machinery's page, its store read is refused with
 * 403 by the host API and the widget shows its error state while the rest of the portal works.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  freePort,
  type LaunchedBrowser,
  launchChromium,
  makeTempDir,
  openPage,
  runCommand,
  type StartedProcess,
  startProcess,
} from '@cunmen/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const shellCli = join(repo, 'shell/server/dist/cli.js');
const registryCli = join(repo, 'registry/dist/cli.js');
const cunmenCli = join(repo, 'packages/cli/dist/bin.js');
const XIANTAN = '330521107201';

let registry: StartedProcess;
let shell: StartedProcess;
let browser: LaunchedBrowser;
let shellUrl: string;

async function cli(
  path: string,
  args: string[],
  options: { input?: string; env?: Record<string, string> } = {},
) {
  const r = await runCommand(process.execPath, [path, ...args], { cwd: repo, ...options });
  if (r.code !== 0) throw new Error(`${args.slice(0, 2).join(' ')} failed: ${r.stderr}${r.stdout}`);
  return r.stdout.trim();
}

beforeAll(async () => {
  const tmp = (await makeTempDir('cunmen-full-stack-')).path;
  const regData = join(tmp, 'registry');
  const shellData = join(tmp, 'shell');
  const regPort = await freePort();
  const regUrl = `http://127.0.0.1:${regPort}`;
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
  registry = await startProcess({
    command: process.execPath,
    args: [registryCli, 'serve', '--port', String(regPort), '--data', regData, '--public-url', regUrl],
    readyUrl: `${regUrl}/-/ping`,
  });
  for (const [dir, token] of [
    ['plugins/find-machinery', deqing],
    ['plugins/waste-pickup', yiyuan],
  ] as const) {
    await cli(cunmenCli, ['publish', join(repo, dir), '--registry', `${regUrl}/`], {
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
  await cli(registryCli, ['review', 'approve', '@yiyuan/waste-pickup@0.1.0', '--data', regData]);

  await cli(shellCli, ['seed-demo', '--data', shellData]);
  const tokenFile = join(tmp, 'registry-token');
  writeFileSync(tokenFile, province);
  const place = (name: string, route: string) => ({
    name,
    version: '0.1.0',
    config: {},
    placements: [
      { slot: 'village.home.tile/v1', expose: './Tile' },
      { slot: 'village.page/v1', expose: './Page', route },
      { slot: 'village.nav/v1', route },
    ],
  });
  const config = join(tmp, 'portal.json');
  writeFileSync(
    config,
    JSON.stringify({
      widgets: [
        place('@deqing/find-machinery', 'find-machinery'),
        place('@yiyuan/waste-pickup', 'waste-pickup'),
      ],
    }),
  );
  await cli(shellCli, [
    'portal',
    'set',
    XIANTAN,
    '--file',
    config,
    '--registry',
    regUrl,
    '--registry-token-file',
    tokenFile,
    '--data',
    shellData,
  ]);

  const shellPort = await freePort();
  shellUrl = `http://127.0.0.1:${shellPort}`;
  shell = await startProcess({
    command: process.execPath,
    args: [
      shellCli,
      'serve',
      '--port',
      String(shellPort),
      '--data',
      shellData,
      '--registry',
      regUrl,
      '--public-url',
      shellUrl,
    ],
    readyUrl: `${shellUrl}/healthz`,
  });
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await shell?.stop();
  await registry?.stop();
});

describe('the platform end to end', () => {
  it('shows both county widgets on the home and an error state where a capability was not granted', async () => {
    const { page, consoleErrors } = await openPage(browser.browser, 'full stack', {
      viewport: { width: 390, height: 844 },
    });
    const assetRequests: string[] = [];
    const denied: number[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/-/assets/')) assetRequests.push(r.url());
    });
    page.on('response', (r) => {
      if (r.url().includes('/api/host/v1/store/')) denied.push(r.status());
    });
    await page.goto(`${shellUrl}/v/${XIANTAN}/`);
    await page.getByText('垃圾分类预约').first().waitFor({ timeout: 30_000 });
    await page.getByText('找农机').first().waitFor({ timeout: 30_000 });
    expect(assetRequests.some((u) => u.endsWith('/remoteEntry.js'))).toBe(true);

    await page.goto(`${shellUrl}/v/${XIANTAN}/p/find-machinery`);
    const alert = page.getByRole('alert').filter({ hasText: '权限' });
    await alert.first().waitFor({ timeout: 30_000 });
    expect(denied).toContain(403);
    // The rest of the portal still works: the nav leads to the other widget's page.
    await expect(page.getByRole('link', { name: /垃圾预约/ }).count()).resolves.toBeGreaterThan(0);
    const unexpected = consoleErrors.filter(
      (e) => !/403|Forbidden|service worker|ServiceWorker|scope/i.test(e),
    );
    expect(unexpected).toEqual([]);
  }, 120_000);
});
