/**
 * What every full-platform browser suite starts from, made once per test run and per back end: the
 * registry's users (the province and two counties), the six packages published with `cunmen publish`
 * and approved on the registry's CLI, and the shell's divisions and accounts (`cunmen-shell seed-demo`,
 * `user add`). Made by the first suite that needs it while the others wait (a directory made with
 * `mkdir` is the lock), in the folder the run's global set-up provides (template-root.ts), and copied
 * by each suite (platform.ts): the registry and shell data directories, and in scale mode the
 * PostgreSQL cluster and the S3 server's files (backends.ts). Each suite still runs its own processes
 * on its own copy, so what one suite changes no other sees. Started once, the set-up took 2–4 minutes
 * per suite (ten CLI processes with the password hashing of `user add`, six publishes).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, makeTempDir, runCommand, type StartedProcess, startProcess } from '@cunmen/test-utils';
import { inject } from 'vitest';
import { platformBackend } from './backends.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's folder for platform templates (template-root.ts); absent outside this package's config. */
    platformTemplates?: string;
  }
}

export const repo = fileURLToPath(new URL('../../../', import.meta.url));
export const shellCli = join(repo, 'shell/server/dist/cli.js');
export const registryCli = join(repo, 'registry/dist/cli.js');
export const cunmenCli = join(repo, 'packages/cli/dist/bin.js');
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

export interface RegistryTokens {
  province: string;
  deqing: string;
  yiyuan: string;
}

export interface PlatformTemplate {
  /** Holds registry/, shell/ and, in scale mode, pg/ and s3/: copy, never change. */
  dir: string;
  /** The registry tokens of the province and the two counties (valid in every copy). */
  tokens: RegistryTokens;
}

export async function cli(
  path: string,
  args: string[],
  options: { input?: string; env?: Record<string, string> } = {},
): Promise<string> {
  const r = await runCommand(process.execPath, [path, ...args], { cwd: repo, ...options });
  if (r.code !== 0) throw new Error(`${args.slice(0, 2).join(' ')} failed: ${r.stderr}${r.stdout}`);
  return r.stdout.trim();
}

/** The registry on `data`, on a free port; its URLs are computed per request, so a copy serves anywhere. */
export async function serveRegistry(data: string): Promise<{ url: string; process: StartedProcess }> {
  const url = `http://127.0.0.1:${await freePort()}`;
  const started = await startProcess({
    command: process.execPath,
    args: [registryCli, 'serve', '--port', new URL(url).port, '--data', data, '--public-url', url],
    readyUrl: `${url}/-/ping`,
  });
  return { url, process: started };
}

async function buildTemplate(dir: string): Promise<RegistryTokens> {
  const backend = await platformBackend();
  const regData = join(dir, 'registry');
  const shellData = join(dir, 'shell');
  const user = (name: string, role: string, county: string, scope: string) =>
    cli(registryCli, [
      'user',
      'add',
      ...['--name', name, '--role', role, '--county', county, '--scope', scope, '--data', regData],
    ]);
  try {
    const tokens = {
      province: await user('zj', 'province', '330000', '@cunmen'),
      deqing: await user('dq', 'county', '330521', '@deqing'),
      yiyuan: await user('yy', 'county', '370323', '@yiyuan'),
    };
    const registry = await serveRegistry(regData);
    try {
      for (const [plugin, token] of [
        ['find-machinery', tokens.deqing],
        ['waste-pickup', tokens.yiyuan],
        ['complaints', tokens.province],
        ['affairs-disclosure', tokens.province],
        ['points', tokens.province],
        ['party-building', tokens.province],
      ] as const) {
        await cli(cunmenCli, ['publish', join(repo, 'plugins', plugin), '--registry', `${registry.url}/`], {
          env: { CUNMEN_TOKEN: token },
        });
      }
    } finally {
      await registry.process.stop();
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
    backend.check({ registryData: regData, shellData });
    await backend.keep(dir);
    return tokens;
  } catch (error) {
    await backend.stop();
    throw error;
  }
}

// Less than PLATFORM_START_MS (platform.ts), so a suite reports the template, not its hook's timeout.
const WAIT_MS = 14 * 60_000;

/** The run's template for this back end: made here if no other suite is making it, else awaited. */
export async function platformTemplate(): Promise<PlatformTemplate> {
  const backend = process.env.CUNMEN_TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';
  const root = inject('platformTemplates');
  if (root === undefined) {
    // Run outside this package's vitest config: a template of this suite's own.
    const dir = (await makeTempDir('cunmen-platform-template-')).path;
    return { dir, tokens: await buildTemplate(dir) };
  }
  const dir = join(root, backend);
  const ready = join(root, `${backend}.json`);
  const failed = join(root, `${backend}.failed`);
  let mine = true;
  try {
    mkdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    mine = false;
  }
  if (mine) {
    try {
      const tokens = await buildTemplate(dir);
      // Renamed into place: a waiting suite never reads half a file.
      writeFileSync(`${ready}.part`, JSON.stringify(tokens));
      renameSync(`${ready}.part`, ready);
      return { dir, tokens };
    } catch (error) {
      writeFileSync(failed, String((error as Error).stack ?? error));
      throw error;
    }
  }
  const until = Date.now() + WAIT_MS;
  while (Date.now() < until) {
    if (existsSync(ready)) return { dir, tokens: JSON.parse(readFileSync(ready, 'utf8')) as RegistryTokens };
    if (existsSync(failed))
      throw new Error(`the platform template failed in another suite:\n${readFileSync(failed, 'utf8')}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the platform template in ${dir} was not ready after ${WAIT_MS / 60_000} minutes`);
}
