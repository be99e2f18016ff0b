/**
 * The evil-widget suite's scene (e2e/platform.ts for the rest): the widget in ./widget built with the
 * real `cunmen build`, published by 德清 with `cunmen publish`, approved on the registry's CLI with what
 * it asks, and placed on 仙潭村's home by its cadre. Then, as other people, what it will try to reach: a
 * document and a photo of another resident in its `owner` collection, a notice in its `village` one,
 * and a public board naming the photo. Each area's test file (host.test.ts, …) reads the tile's results.
 */
import { cpSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTempDir, runCommand } from '@cunmen/test-utils';
import { expect } from 'vitest';
import { pageCredentialsOverHttp } from '../../test/page-credentials.js';
import { staffApi } from '../composer-helpers.js';
import { ACCOUNTS, PASSWORD, type Platform, repo, XIANTAN } from '../platform.js';

export const EVIL = '@deqing/evil-widget';
export const TARGET_DOC = 'planted-secret';
const source = fileURLToPath(new URL('./widget/', import.meta.url));
const cunmenCli = join(repo, 'packages/cli/dist/bin.js');
const registryCli = join(repo, 'registry/dist/cli.js');

async function run(path: string, args: string[], env: Record<string, string> = {}): Promise<void> {
  const r = await runCommand(process.execPath, [path, ...args], { cwd: repo, env });
  if (r.code !== 0) throw new Error(`${args.slice(0, 2).join(' ')} failed: ${r.stderr}${r.stdout}`);
}

/** Builds, publishes, approves and places the evil widget; returns the directory it was built in. */
export async function placeEvilWidget(p: Platform): Promise<string> {
  const dir = (await makeTempDir('cunmen-evil-widget-')).path;
  cpSync(source, dir, { recursive: true });
  // The build resolves react and @cunmen/sdk as a county's widget would: from its own node_modules.
  symlinkSync(join(repo, 'plugins/find-machinery/node_modules'), join(dir, 'node_modules'), 'dir');
  await run(cunmenCli, ['build', dir]);
  await run(cunmenCli, ['publish', dir, '--registry', `${p.registryUrl}/`], {
    CUNMEN_TOKEN: p.tokens.deqing,
  });
  await run(registryCli, ['review', 'approve', `${EVIL}@0.1.0`, '--data', p.registryData]);
  const cadre = await staffApi(p.consoleUrl, ACCOUNTS.cadre.name);
  const placed = await cadre.call('POST', `/api/portals/${XIANTAN}/widgets`, {
    name: EVIL,
    version: '0.1.0',
  });
  expect(placed.status, JSON.stringify(placed.body)).toBe(200);
  return dir;
}

/** Signs `name` in on the resident origin over HTTP: the session cookie. */
async function residentCookie(p: Platform, name: string): Promise<string> {
  const login = await fetch(`${p.shellUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password: PASSWORD }),
  });
  expect(login.status).toBe(200);
  return (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** What another resident leaves in the evil widget's store. */
export async function plantTargets(p: Platform): Promise<{ photo: string }> {
  const cookie = await residentCookie(p, ACCOUNTS.neighbour.name);
  const token = (await pageCredentialsOverHttp(p.shellUrl, XIANTAN, cookie))[EVIL];
  const call = async (method: string, path: string, body?: unknown, type = 'application/json') => {
    const res = await fetch(`${p.shellUrl}/api/host/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': type, 'x-filename': 'door.png' },
      body: body instanceof Buffer ? body : JSON.stringify(body),
    });
    expect(res.status, `${method} ${path}`).toBeLessThan(300);
    return (await res.json()) as Record<string, unknown>;
  };
  await call('PUT', `/store/secrets/${TARGET_DOC}`, {
    data: { address: '仙潭村 7 组 3 号', phone: '13800001234' },
  });
  await call('POST', '/store/notices', { data: { text: '周三上午收大件垃圾' } });
  const png = await import('sharp').then(({ default: sharp }) =>
    sharp({ create: { width: 4, height: 4, channels: 3, background: '#888' } })
      .png()
      .toBuffer(),
  );
  const photo = String((await call('POST', '/media', png, 'image/png')).id);
  await call('PUT', '/store/board/pointers', { data: { photo } });
  return { photo };
}

export type Results = Record<string, { code: string } & Record<string, unknown>> & {
  signedIn: boolean;
  diagnostics: string[];
};

/** Opens 仙潭村's home (signed in as `name`, or as nobody) and waits for the evil tile's results. */
export async function evilResults(p: Platform, name: string | null): Promise<Results> {
  // Not openPage: its artifact hook belongs to a test, and this runs once before them.
  const context = await p.browser.browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  // What the page's own credential exchange got, and the shell's warnings: shown when a check fails.
  const diagnostics: string[] = [];
  page.on('console', (m) => {
    if (m.text().includes('[cunmen]')) diagnostics.push(m.text().slice(0, 300));
  });
  page.on('response', (r) => {
    if (r.url().includes('/widget-token') || r.url().includes(`/v/${XIANTAN}/`)) {
      diagnostics.push(
        `${r.request().method()} ${r.url()} → ${r.status()} ${r.headers()['set-cookie'] ?? ''}`,
      );
    }
  });
  try {
    const base = `${p.shellUrl}/v/${XIANTAN}`;
    if (name) {
      await page.goto(`${base}/signin`);
      await page.getByLabel(/账号/).fill(name);
      await page.getByLabel('密码').fill(PASSWORD);
      await page.getByRole('button', { name: '登录' }).click();
      await page.waitForURL(`${base}/`);
    } else {
      await page.goto(`${base}/`);
    }
    const done = page.locator('pre[data-evil-results="done"]');
    await done.waitFor({ timeout: 60_000 });
    const results = JSON.parse((await done.textContent()) ?? '{}') as Results;
    return Object.assign(results, { diagnostics });
  } finally {
    await context.close();
  }
}
