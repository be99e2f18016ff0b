/**
 * The admin API with signed-in people instead of the operator token: a village cadre edits their own
 * village's portal and no other; a county admin must pass TOTP first; a cookie write needs its CSRF token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRegistry, type TestRegistry } from '../../test/registry.js';
import { machineryConfig, startShell, type TestShell, WUSI, XIANTAN } from '../../test/shell.js';
import { buildApp } from '../app.js';
import { hashPassword } from './passwords.js';
import type { IdentityRole } from './roles.js';
import { totpCode } from './totp.js';

const PASSWORD = 'correct horse battery';
let registry: TestRegistry;
let shell: TestShell;

beforeAll(async () => {
  registry = await startRegistry();
  await registry.release('@deqing/find-machinery', '1.0.0');
  shell = await startShell({ registryUrl: registry.url, registryToken: registry.tokens.province });
  // Accounts go into the shell's own data directory, then the shell is started again on it.
  await shell.app.close();
  const storage = await shell.openStorage();
  const add = async (name: string, role: IdentityRole, division: string) =>
    storage.identity.createUser({
      name,
      displayName: name,
      role,
      division,
      passwordHash: await hashPassword(PASSWORD),
    });
  await add('xiantan-cadre', 'village-cadre', XIANTAN);
  await add('deqing-admin', 'county-admin', '330521');
  await storage.close();
  shell.app = await buildApp({
    dataDir: shell.dataDir,
    databaseUrl: shell.databaseUrl,
    webDist: shell.webDist,
    registryUrl: registry.url,
    registryToken: registry.tokens.province,
    // Pinned as an operator would, from the registry's exported key.
    provinceKeyPem: (await (await fetch(`${registry.url}/-/cunmen/v1/keys`)).json()).keys[0].pem,
  });
}, 60_000);

afterAll(async () => {
  await shell?.close();
  await registry?.close();
});

async function signIn(name: string) {
  const res = await shell.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { name, password: PASSWORD },
  });
  const cookie = String(res.headers['set-cookie']).split(';')[0] as string;
  return { cookie, csrf: res.json().csrfToken as string, body: res.json() };
}

describe('admin API with sessions', () => {
  it("lets a cadre save their own village's portal and refuses another village", async () => {
    const { cookie, csrf } = await signIn('xiantan-cadre');
    const own = await shell.app.inject({
      method: 'PUT',
      url: `/api/portals/${XIANTAN}`,
      headers: { cookie, 'x-csrf-token': csrf },
      payload: machineryConfig(),
    });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ village: XIANTAN, version: 1 });
    const other = await shell.app.inject({
      method: 'PUT',
      url: `/api/portals/${WUSI}`,
      headers: { cookie, 'x-csrf-token': csrf },
      payload: machineryConfig(),
    });
    expect(other.statusCode).toBe(403);
    expect(other.json().error).toBe(`xiantan-cadre (${XIANTAN}) cannot act on ${WUSI}`);
    const noCsrf = await shell.app.inject({
      method: 'PUT',
      url: `/api/portals/${XIANTAN}`,
      headers: { cookie },
      payload: machineryConfig(),
    });
    expect(noCsrf.json().code).toBe('SHELL_ERR_CSRF');
    const versions = await shell.app.inject({ url: `/api/portals/${XIANTAN}/versions`, headers: { cookie } });
    expect(versions.json().versions).toHaveLength(1);
  });

  it('makes a county admin pass TOTP before acting, then allows the whole county', async () => {
    const { cookie, csrf, body } = await signIn('deqing-admin');
    expect(body.mfa).toBe('enrolment-required');
    const blocked = await shell.app.inject({ url: `/api/portals/${XIANTAN}/versions`, headers: { cookie } });
    expect(blocked.json().code).toBe('SHELL_ERR_MFA_REQUIRED');
    const headers = { cookie, 'x-csrf-token': csrf };
    const { secret } = (
      await shell.app.inject({ method: 'POST', url: '/api/auth/totp/setup', headers })
    ).json();
    await shell.app.inject({
      method: 'POST',
      url: '/api/auth/totp/enable',
      headers,
      payload: { code: totpCode(secret) },
    });
    const saved = await shell.app.inject({
      method: 'PUT',
      url: `/api/portals/${WUSI}`,
      headers,
      payload: machineryConfig(),
    });
    expect(saved.statusCode).toBe(200);
    const outside = await shell.app.inject({
      url: '/api/portals/370323108213/versions',
      headers: { cookie },
    });
    expect(outside.statusCode).toBe(403);
  });
});
