/**
 * Mandatory modules on the console origin: who may set a rule (province for the province or a county,
 * a county admin for the county), refusals in Chinese with nothing stored, and the rule enforced on
 * every portal write — a one-widget removal, a whole save, a composer draft and a rollback — with the
 * portal unchanged; the composer shows the rule.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleShell, signInOn, startConsoleShell } from '../../test/console.js';
import { startRegistry, type TestRegistry } from '../../test/registry.js';
import { admin, machineryConfig, XIANTAN } from '../../test/shell.js';
import { hashPassword } from '../identity/passwords.js';
import type { IdentityRole } from '../identity/roles.js';
import { totpCode } from '../identity/totp.js';

const MACHINERY = '@deqing/find-machinery';
const PASSWORD = 'correct horse battery';

let registry: TestRegistry;
let shell: ConsoleShell;

type Call = (
  method: 'GET' | 'PUT' | 'POST' | 'DELETE',
  url: string,
  payload?: object,
) => Promise<LightMyRequestResponse>;

/** Signs a staff member in on the console, enrolling TOTP first when the role needs it. */
async function staff(name: string, role: IdentityRole, division: string): Promise<Call> {
  await shell.app.shell.storage.identity.createUser({
    name,
    displayName: name,
    role,
    division,
    passwordHash: await hashPassword(PASSWORD),
  });
  const { cookie, csrf, res } = await signInOn(shell.console, name);
  const headers = { cookie, 'x-csrf-token': csrf };
  if (res.json().mfa === 'enrolment-required') {
    const setup = await shell.console.inject({ method: 'POST', url: '/api/auth/totp/setup', headers });
    const enabled = await shell.console.inject({
      method: 'POST',
      url: '/api/auth/totp/enable',
      headers,
      payload: { code: totpCode(setup.json().secret) },
    });
    expect(enabled.statusCode).toBe(200);
  }
  return (method, url, payload) =>
    shell.console.inject({ method, url, headers, ...(payload ? { payload } : {}) });
}

const rules = () => shell.app.shell.storage.mandatory.list();
const current = () => shell.app.shell.storage.portals.currentVersion(XIANTAN);
const path = '/api/console/v1/mandatory';

beforeAll(async () => {
  registry = await startRegistry();
  await registry.release(MACHINERY, '1.0.0');
  shell = await startConsoleShell('http://localhost:9090', {
    registryUrl: registry.url,
    registryToken: registry.tokens.province,
  });
}, 60_000);
afterAll(async () => {
  await shell?.close();
  await registry?.close();
});

describe('mandatory modules', () => {
  let province: Call;
  let deqing: Call;
  let yiyuan: Call;
  let cadre: Call;

  beforeAll(async () => {
    province = await staff('zj-maintainer', 'province-maintainer', '330000');
    deqing = await staff('dq-admin', 'county-admin', '330521');
    yiyuan = await staff('yy-admin', 'county-admin', '370323');
    cadre = await staff('xt-cadre-2', 'village-cadre', XIANTAN);
  });

  it.each([
    ['a village cadre', () => cadre, '330521', 403, 'SHELL_ERR_FORBIDDEN'],
    ['a county admin for another county', () => yiyuan, '330521', 403, 'SHELL_ERR_FORBIDDEN'],
    ['a county admin for the whole province', () => deqing, '330000', 403, 'SHELL_ERR_FORBIDDEN'],
  ])('refuses %s and stores nothing', async (_who, caller, division, status, code) => {
    const res = await caller()('PUT', path, { division, package: MACHINERY });
    expect(res.statusCode).toBe(status);
    expect(res.json().code).toBe(code);
    expect(await rules()).toEqual([]);
  });

  it.each([
    [
      { division: '3305', package: MACHINERY },
      'division',
      'division：应为省（以 0000 结尾）或县的 6 位行政区划代码，例如 330521',
    ],
    [
      { division: '330521', package: 'find-machinery' },
      'package',
      'package：应为服务的包名，例如 @cunmen/affairs-disclosure',
    ],
    [
      { division: '330521', package: '@deqing/no-such-thing' },
      'version',
      'version：组件仓库中没有 @deqing/no-such-thing 的已审核版本',
    ],
  ])('refuses the rule %j with a Chinese message on its field', async (body, field, message) => {
    const res = await deqing('PUT', path, body);
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.json()).toMatchObject({ field, message });
    expect(await rules()).toEqual([]);
  });

  it('is enforced on every portal write once the county sets it, and shown in the composer', async () => {
    const empty = await shell.app.inject({
      method: 'PUT',
      url: `/api/portals/${XIANTAN}`,
      headers: admin,
      payload: { title: { 'zh-CN': '仙潭村门户' }, widgets: [] },
    });
    expect(empty.statusCode).toBe(200);
    const placed = await shell.app.inject({
      method: 'PUT',
      url: `/api/portals/${XIANTAN}`,
      headers: admin,
      payload: { ...machineryConfig(), baseVersion: 1 },
    });
    expect(placed.json()).toMatchObject({ version: 2 });

    const set = await deqing('PUT', path, { division: '330521', package: MACHINERY });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({
      added: true,
      rules: [{ division: '330521', package: MACHINERY, setBy: 'dq-admin' }],
    });
    expect((await deqing('PUT', path, { division: '330521', package: MACHINERY })).json().added).toBe(false);
    const audit = await shell.app.shell.storage.audit.list({ limit: 500 });
    expect(audit.filter((e) => e.action === 'mandatory.add')).toHaveLength(1);

    const seen = await cadre('GET', `${path}?village=${XIANTAN}`);
    expect(seen.json().rules).toEqual([expect.objectContaining({ division: '330521', package: MACHINERY })]);
    const view = await cadre('GET', `/api/console/v1/portals/${XIANTAN}/composer`);
    expect(view.json().mandatory).toEqual([{ package: MACHINERY, division: '330521', by: 'county' }]);

    const removal = '“找农机”（@deqing/find-machinery）是县里规定每个村门户都必须有的服务，不能移除';
    const attempts: [string, () => Promise<LightMyRequestResponse>][] = [
      [
        'one-widget removal',
        () => cadre('DELETE', `/api/portals/${XIANTAN}/widgets/${encodeURIComponent(MACHINERY)}`),
      ],
      [
        'whole save without it',
        () =>
          cadre('PUT', `/api/portals/${XIANTAN}`, {
            title: { 'zh-CN': '仙潭村门户' },
            widgets: [],
            baseVersion: 2,
          }),
      ],
      [
        'composer draft without it',
        () =>
          cadre('PUT', `/api/console/v1/portals/${XIANTAN}/draft`, {
            baseVersion: 2,
            config: { village: XIANTAN, title: { 'zh-CN': '仙潭村门户' }, widgets: [] },
          }),
      ],
      [
        'rollback to a version without it',
        () => cadre('POST', `/api/portals/${XIANTAN}/rollback`, { version: 1 }),
      ],
    ];
    for (const [what, attempt] of attempts) {
      const res = await attempt();
      expect(res.statusCode, what).toBe(409);
      expect(res.json(), what).toMatchObject({
        code: 'SHELL_ERR_MANDATORY_MODULE',
        field: 'widgets',
        widget: MACHINERY,
        message: removal,
      });
      expect(await current(), what).toBe(2);
    }
    expect(await shell.app.shell.storage.portals.currentVersion(XIANTAN)).toBe(2);
    expect((await cadre('GET', `/api/console/v1/portals/${XIANTAN}/composer`)).json().draft).toBeNull();

    // Lifted by the county, the removal goes through.
    const lifted = await deqing('DELETE', `${path}?division=330521&package=${encodeURIComponent(MACHINERY)}`);
    expect(lifted.json()).toMatchObject({ removed: true, rules: [] });
    const again = await deqing('DELETE', `${path}?division=330521&package=${encodeURIComponent(MACHINERY)}`);
    expect(again.statusCode).toBe(404);
    const removed = await cadre('DELETE', `/api/portals/${XIANTAN}/widgets/${encodeURIComponent(MACHINERY)}`);
    expect(removed.statusCode).toBe(200);
    expect(await current()).toBe(3);
  });

  it('lets the province set a rule for the whole province, named as the province’s', async () => {
    const set = await province('PUT', path, { division: '330000', package: MACHINERY });
    expect(set.statusCode).toBe(200);
    const save = await cadre('PUT', `/api/portals/${XIANTAN}`, {
      title: { 'zh-CN': '仙潭村门户' },
      widgets: [],
      baseVersion: await current(),
    });
    expect(save.statusCode).toBe(409);
    expect(save.json().message).toBe(
      '@deqing/find-machinery 是省里规定每个村门户都必须有的服务，请先把它加入门户',
    );
    await province('DELETE', `${path}?division=330000&package=${encodeURIComponent(MACHINERY)}`);
  });
});
