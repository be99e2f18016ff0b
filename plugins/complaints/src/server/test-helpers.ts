/**
 * Shared set-up of the API tests: the module on the real harness (a fresh one per test), demo users,
 * tiny images, the states a refused call starts from, and the check behind every bad-input table.
 */
import {
  checkRefusal,
  createModuleTestApp,
  eachTestApp,
  type ModuleTestApp,
  type Refusal,
  refusal,
  testUser,
} from '@cunmen/module-api/testing';
import { afterAll, afterEach, beforeEach, expect } from 'vitest';
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

/** A new module (empty database, fresh clock) in every test; `t.replace(await withLimits(…))` for others. */
export const freshApp = () =>
  eachTestApp(() => createModuleTestApp(createComplaintsModule()), { beforeEach, afterEach, afterAll });

/** The module with other limits (photo size, daily quotas). */
export const withLimits = (options: Partial<ComplaintsOptions>) =>
  createModuleTestApp(createComplaintsModule(options));

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

async function act(
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

/** Every table of the module: a refused call must leave all of them (and the audit log) as they were. */
export const TABLES = ['complaints_case', 'complaints_event', 'complaints_photo', 'complaints_settings'];

/** Checks one bad-input row: the exact status, code and field, a zh-CN message, nothing changed. */
export async function expectRefused(t: ModuleTestApp, row: Refusal<Ids>): Promise<void> {
  const { got, want } = await checkRefusal(t, TABLES, row);
  expect(got).toEqual(want);
}

/* ---------------------------------------------------------------- the states a refused call starts from */

export type Ids = Record<string, string>;
type Users = ReturnType<typeof users>;

/** A bad-input row that uploads these bytes as a photo, declared as `type`. */
export const photoRow = (
  given: ((t: ModuleTestApp) => Promise<Ids>) | null,
  as: Refusal['as'],
  bytes: Buffer,
  type: string,
  want: string,
): Refusal<Ids> => refusal(given, as, 'POST /photos', bytes, want, { 'content-type': type });

/** The states, for the users `u`; each returns the ids the row's call names (`:id`, `:mine` …). */
export function givenFor(u: Users) {
  const uploaded = async (t: ModuleTestApp, as: U) => {
    const res = await upload(t, as);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const g = {
    /** A case `u.resident` submitted (`:id`). */
    submitted: async (t: ModuleTestApp): Promise<Ids> => ({ id: (await submit(t, u.resident)).id }),
    /** Accepted by the village, which owns and handles it. */
    async accepted(t: ModuleTestApp): Promise<Ids> {
      const ids = await g.submitted(t);
      await must(t, u.cadre, ids.id as string, 'accept');
      return ids;
    },
    /** Accepted by the village and dispatched to its township. */
    async dispatched(t: ModuleTestApp): Promise<Ids> {
      const ids = await g.accepted(t);
      await must(t, u.cadre, ids.id as string, 'dispatch', { target: T });
      return ids;
    },
    /** Dispatched, and replied to by the township. */
    async repliedByTownship(t: ModuleTestApp): Promise<Ids> {
      const ids = await g.dispatched(t);
      await must(t, inV(u.town), ids.id as string, 'reply', { answer: '镇里答复' });
      return ids;
    },
    /** Accepted and replied to by the village itself. */
    async replied(t: ModuleTestApp): Promise<Ids> {
      const ids = await g.accepted(t);
      await must(t, u.cadre, ids.id as string, 'reply', { answer: '已处理' });
      return ids;
    },
    async closed(t: ModuleTestApp): Promise<Ids> {
      const ids = await g.replied(t);
      await must(t, u.cadre, ids.id as string, 'close', { resolved: true });
      return ids;
    },
    async followedUp(t: ModuleTestApp): Promise<Ids> {
      const ids = await g.closed(t);
      await must(t, u.cadre, ids.id as string, 'follow-up', { note: '满意' });
      return ids;
    },
    async rated(t: ModuleTestApp): Promise<Ids> {
      const ids = await g.closed(t);
      await must(t, u.resident, ids.id as string, 'rate', { rating: 'satisfied' });
      return ids;
    },
    /** A photo `u.resident` uploaded (`:mine`), not attached to a case. */
    mine: async (t: ModuleTestApp): Promise<Ids> => ({ mine: await uploaded(t, u.resident) }),
    /** `u.resident`'s photo and their neighbour's (`:theirs`). */
    async mineAndTheirs(t: ModuleTestApp): Promise<Ids> {
      return { theirs: await uploaded(t, u.neighbour), mine: await uploaded(t, u.resident) };
    },
    /** `u.resident`'s photo, already attached to a case of theirs. */
    async used(t: ModuleTestApp): Promise<Ids> {
      const ids = await g.mine(t);
      await submit(t, u.resident, { photos: [ids.mine] });
      return ids;
    },
    /** Seven photos of `u.resident` (`:photos`, comma-separated). */
    async sevenPhotos(t: ModuleTestApp): Promise<Ids> {
      const ids: string[] = [];
      for (let i = 0; i < 7; i++) ids.push(await uploaded(t, u.resident));
      return { photos: ids.join(',') };
    },
  };
  return g;
}
