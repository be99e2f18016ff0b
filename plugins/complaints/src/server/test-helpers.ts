/** Shared set-up of the API tests: the module on the real harness, demo users, tiny images. */
import { createModuleTestApp, type ModuleTestApp, testUser } from '@cunmen/module-api/testing';
import { expect } from 'vitest';
import { type ComplaintsOptions, createComplaintsModule } from './index.js';

export const V = '330521107201'; // 仙潭村, 莫干山镇
export const V2 = '330521003201'; // 五四村, 阜溪街道
export const T = '330521107';
export const T2 = '330521003';
export const C = '330521';

export const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]);
export const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(200, 1),
]);

export function users() {
  return {
    resident: testUser('resident', V, { displayName: '张阿婆' }),
    neighbour: testUser('resident', V, { displayName: '李大伯' }),
    residentB: testUser('resident', V2, { displayName: '王大姐' }),
    cadre: testUser('village-cadre', V, { displayName: '仙潭村干部' }),
    cadreB: testUser('village-cadre', V2),
    town: testUser('township-staff', T, { displayName: '莫干山镇干部' }),
    townB: testUser('township-staff', T2),
    county: testUser('county-admin', C),
    countyB: testUser('county-admin', '370323'),
    province: testUser('province-maintainer', '330000'),
    supervisor: testUser('supervisor', V),
    merchant: testUser('merchant', V),
  };
}

export async function setup(options: Partial<ComplaintsOptions> = {}) {
  const t = await createModuleTestApp(createComplaintsModule(options));
  return { t, u: users() };
}

type U = ReturnType<typeof users>[keyof ReturnType<typeof users>];

/** Township and county staff open the village's cadre console. */
export const inV = (user: U, village = V) => ({ village, user });

export async function submit(t: ModuleTestApp, as: U, payload: Record<string, unknown> = {}) {
  const res = await t.inject({
    as,
    method: 'POST',
    url: '/cases',
    payload: { category: 'roads', text: '村口路灯坏了三天，晚上很黑', ...payload },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; tracking: string; status: string };
}

export async function act(
  t: ModuleTestApp,
  as: U | { village: string; user: U },
  id: string,
  action: string,
  payload: unknown = {},
) {
  const res = await t.inject({
    as,
    method: 'POST',
    url: `/cases/${id}/${action}`,
    payload: payload as object,
  });
  return res;
}

export async function must(
  t: ModuleTestApp,
  as: U | { village: string; user: U },
  id: string,
  action: string,
  payload: unknown = {},
) {
  const res = await act(t, as, id, action, payload);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return res.json();
}

export async function upload(t: ModuleTestApp, as: U, bytes: Buffer = JPEG, type = 'image/jpeg') {
  return t.inject({ as, method: 'POST', url: '/photos', payload: bytes, headers: { 'content-type': type } });
}

/** Everything the module stores plus the audit log, to prove a refused request changed nothing. */
export async function snapshot(t: ModuleTestApp) {
  const db = t.context.db;
  const tables = ['complaints_case', 'complaints_event', 'complaints_photo', 'complaints_settings'];
  const out: Record<string, unknown> = {};
  for (const table of tables) out[table] = await db.selectFrom(table).selectAll().execute();
  out.audit = (await t.audit.list({ limit: 10_000 })).length;
  return JSON.stringify(out);
}

/** Asserts the exact status, code and (optionally) field, and that nothing changed. */
export async function refused(
  t: ModuleTestApp,
  run: () => Promise<{ statusCode: number; body: string; json(): unknown }>,
  status: number,
  code: string,
  field?: string,
) {
  const before = await snapshot(t);
  const res = await run();
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json() as { code: string; field?: string; message: string };
  expect(body.code).toBe(code);
  if (field !== undefined) expect(body.field).toBe(field);
  expect(body.message.length).toBeGreaterThan(0);
  expect(await snapshot(t)).toBe(before);
  return body;
}
