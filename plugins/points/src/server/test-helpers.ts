/**
 * Shared set-up of the API tests: the module on the real harness (a fresh one per test), the demo users
 * of two villages, a tiny photo, and the states a test starts from (an adopted rule book, a household
 * with points, goods in the shop).
 */
import {
  checkRefusal,
  createModuleTestApp,
  eachTestApp,
  type ModuleTestApp,
  type Refusal,
  testUser,
} from '@cunmen/module-api/testing';
import { afterAll, afterEach, beforeEach, expect } from 'vitest';
import { pointsModule } from './index.js';
import { POINTS_TABLES } from './migrations.js';

export const V = '330521107201'; // 仙潭村
export const V2 = '330521003201'; // 五四村
export const T = '330521107';

export const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]);

export function users() {
  return {
    resident: testUser('resident', V, { displayName: '张阿婆', household: 'H-0012' }),
    neighbour: testUser('resident', V, { displayName: '李大伯', household: 'H-0013' }),
    homeless: testUser('resident', V, { displayName: '赵新', household: null }),
    residentB: testUser('resident', V2, { displayName: '王大姐', household: 'H-0012' }),
    cadre: testUser('village-cadre', V, { displayName: '沈主任', name: 'cadre-shen' }),
    cadre2: testUser('village-cadre', V, { displayName: '陆委员', name: 'cadre-lu' }),
    cadreB: testUser('village-cadre', V2),
    town: testUser('township-staff', T),
    county: testUser('county-admin', '330521'),
    supervisor: testUser('supervisor', V),
    merchant: testUser('merchant', V, { displayName: '仙潭小超市' }),
    merchantB: testUser('merchant', V2),
  };
}
export type Users = ReturnType<typeof users>;
export type U = Users[keyof Users];

export const freshApp = () =>
  eachTestApp(() => createModuleTestApp(pointsModule), { beforeEach, afterEach, afterAll });

/** Township and county staff open the village's pages. */
export const inV = (user: U, village = V) => ({ village, user });

export const RULES = [
  { code: 'R01', title: '垃圾分类做得好', points: 5, evidence: '照片', proposer: '第三村民小组' },
  { code: 'R02', title: '参加义务劳动', points: 10, evidence: '照片或组长证明', proposer: '村妇联' },
  { code: 'D01', title: '乱堆乱放', points: -10, evidence: '照片', proposer: '村两委' },
];

export const ASSEMBLY = {
  date: '2026-10-20',
  attendance: 120,
  votesFor: 98,
  votesAgainst: 12,
  abstaining: 6,
};

export async function ok(
  t: ModuleTestApp,
  as: U | { village: string; user: U },
  call: string,
  payload?: unknown,
) {
  const [method, url] = call.split(' ') as ['GET' | 'POST' | 'PUT', string];
  const res = await t.inject({ as, method, url, ...(payload === undefined ? {} : { payload }) });
  expect(res.statusCode, `${call}: ${res.body}`).toBeLessThan(300);
  return res.json();
}

export async function adoptRules(t: ModuleTestApp, u: Users, items = RULES, adoptedOn = '2026-11-01') {
  return ok(t, u.cadre, 'POST /rulebooks', { adoptedOn, assembly: ASSEMBLY, items });
}

export async function uploadPhoto(t: ModuleTestApp, as: U): Promise<string> {
  const res = await t.inject({
    as,
    method: 'POST',
    url: '/photos',
    payload: JPEG,
    headers: { 'content-type': 'image/jpeg' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

/** A household of V with `points` awarded (R02 claims the committee approved), for the shop tests. */
export async function householdWith(t: ModuleTestApp, u: Users, code: string, tens: number) {
  await ok(t, u.cadre, 'POST /households', { code, head: '陈大叔' });
  for (let i = 0; i < tens; i++) {
    const claim = await ok(t, u.cadre, 'POST /claims', { item: 'R02', household: code });
    await ok(t, u.cadre2, `POST /claims/${claim.id}/approve`);
  }
}

export async function addGoods(t: ModuleTestApp, u: Users, price: number, stock: number, name = '洗衣液') {
  return (await ok(t, u.cadre, 'POST /goods', { name, price, stock })) as { id: string };
}

export async function expectRefused(t: ModuleTestApp, row: Refusal<Record<string, string>>): Promise<void> {
  const { got, want } = await checkRefusal(t, POINTS_TABLES, row);
  expect(got).toEqual(want);
}
