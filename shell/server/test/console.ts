/**
 * Test harness for the staff console's origin: a shell (test/shell.ts) started with a console and a fake
 * console build, accounts of every kind, and sign-in on either origin over `app.inject`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '@cunmen/test-utils';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { ShellOptions } from '../src/app.js';
import { hashPassword } from '../src/identity/passwords.js';
import type { IdentityRole } from '../src/identity/roles.js';
import { startShell, type TestShell, XIANTAN } from './shell.js';

export const PASSWORD = 'correct horse battery';
export const CONSOLE_INDEX =
  '<!doctype html><html lang="zh-CN"><head><title>村门工作台</title><script defer src="/console/static/js/index.1a2b3c4d.js"></script></head><body><div id="root"></div></body></html>';

/** A fake `shell/console/dist`: index.html and one hashed script. */
export function writeConsoleDist(dir: string): void {
  mkdirSync(join(dir, 'static', 'js'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), CONSOLE_INDEX);
  writeFileSync(join(dir, 'static', 'js', 'index.1a2b3c4d.js'), 'document.title = "console";\n');
}

export interface ConsoleShell extends TestShell {
  console: FastifyInstance;
}

export async function startConsoleShell(
  url = 'http://localhost:9090',
  options: Partial<ShellOptions> = {},
): Promise<ConsoleShell> {
  const dist = await makeTempDir('cunmen-console-dist-');
  writeConsoleDist(dist.path);
  const shell = await startShell({
    console: { url, dist: dist.path },
    publicUrl: 'http://127.0.0.1:8080',
    ...options,
  });
  const staff = shell.app.console;
  if (!staff) throw new Error('the console was not built');
  const add = async (name: string, role: IdentityRole, division: string) =>
    shell.app.shell.storage.identity.createUser({
      name,
      displayName: name,
      role,
      division,
      passwordHash: await hashPassword(PASSWORD),
    });
  await add('xt-cadre', 'village-cadre', XIANTAN);
  await add('xt-zhang', 'resident', XIANTAN);
  return {
    ...shell,
    console: staff,
    close: async () => {
      await shell.close();
      await dist.remove();
    },
  };
}

export function cookieOf(res: { headers: Record<string, unknown> }): string {
  const raw = res.headers['set-cookie'];
  const first = (Array.isArray(raw) ? raw[0] : raw) as string | undefined;
  return first?.split(';')[0] ?? '';
}

/** Signs `name` in on `app`; the answer, the cookie pair it set and the CSRF token. */
export async function signInOn(
  app: FastifyInstance,
  name: string,
): Promise<{ res: LightMyRequestResponse; cookie: string; csrf: string }> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { name, password: PASSWORD },
  });
  return { res, cookie: cookieOf(res), csrf: (res.json() as { csrfToken?: string }).csrfToken ?? '' };
}
