/**
 * Shared set-up of the API tests: the module on the real harness (a fresh one per test), the users of
 * two villages — the branch secretary and a committee member (cadre accounts), a member who is no
 * officer, a resident who is no member, a cadre who is no officer — and the states a test starts from.
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
import { partyBuildingModule } from './index.js';
import { PARTY_TABLES } from './migrations.js';

export const V = '330521107201'; // 仙潭村
export const V2 = '330521003201'; // 五四村
export const T = '330521107';

export function users() {
  return {
    secretary: testUser('village-cadre', V, { name: 'shen-shuji', displayName: '沈书记' }),
    committee: testUser('resident', V, { name: 'lu-zhiwei', displayName: '陆支委', household: 'H-0003' }),
    member: testUser('resident', V, { name: 'zhang-dangyuan', displayName: '张党员', household: 'H-0012' }),
    resident: testUser('resident', V, { name: 'li-cunmin', displayName: '李村民', household: 'H-0013' }),
    cadre: testUser('village-cadre', V, { name: 'wang-zhuren', displayName: '王主任' }),
    secretary2: testUser('village-cadre', V, { name: 'zhao-shuji', displayName: '赵书记' }),
    cadreB: testUser('village-cadre', V2, { name: 'wusi-cadre' }),
    memberB: testUser('resident', V2, { name: 'wusi-member' }),
    town: testUser('township-staff', T),
    county: testUser('county-admin', '330521'),
    supervisor: testUser('supervisor', V),
    merchant: testUser('merchant', V),
  };
}
export type Users = ReturnType<typeof users>;
export type U = Users[keyof Users];

export const freshApp = () =>
  eachTestApp(() => createModuleTestApp(partyBuildingModule), { beforeEach, afterEach, afterAll });

/** Township and county staff, and users of other villages, open the village's pages. */
export const inV = (user: U, village = V) => ({ village, user });
export const anonymous = { village: V, user: null };

export const SECRETARY = {
  name: '沈建国',
  gender: 'male',
  birthDate: '1968-05-12',
  phone: '13905721234',
  joinedOn: '1995-07-01',
  status: 'full',
  account: 'shen-shuji',
};

export const BRANCH = {
  name: '仙潭村党支部',
  address: '莫干山镇仙潭村村民委员会二楼',
  phone: '0572-8401234',
  trackingFrom: '2026-10-01',
  hasGroups: true,
  secretary: SECRETARY,
};

export const member = (over: object = {}) => ({
  name: '张卫东',
  gender: 'male',
  birthDate: '1975-03-08',
  phone: '13857201111',
  joinedOn: '2003-06-30',
  role: 'member',
  status: 'full',
  account: 'zhang-dangyuan',
  ...over,
});

export const MEETING = {
  kind: 'theme-day',
  title: '11月主题党日：清理河道',
  topic: '学习党的二十届四中全会精神，组织党员清理仙潭溪河道垃圾',
  place: '村党群服务中心',
  plannedOn: '2026-11-02',
};

export async function ok(t: ModuleTestApp, as: unknown, call: string, payload?: unknown) {
  const [method, url] = call.split(' ') as ['GET' | 'POST' | 'PUT', string];
  const res = await t.inject({
    as: as as never,
    method,
    url,
    ...(payload === undefined ? {} : { payload }),
  });
  expect(res.statusCode, `${call}: ${res.body}`).toBeLessThan(300);
  return res.json();
}

export interface Branch {
  branch: string;
  secretary: string;
  committee: string;
  member: string;
}

/** 仙潭村党支部 with its secretary, a committee member and a plain member, all linked to accounts. */
export async function setUpBranch(t: ModuleTestApp, u: Users, over: object = {}): Promise<Branch> {
  const b = await ok(t, u.cadre, 'POST /branches', { ...BRANCH, ...over });
  const committee = await ok(
    t,
    u.secretary,
    `POST /branches/${b.id}/members`,
    member({
      name: '陆小燕',
      gender: 'female',
      phone: '13857202222',
      role: 'committee',
      account: 'lu-zhiwei',
    }),
  );
  const plain = await ok(t, u.secretary, `POST /branches/${b.id}/members`, member());
  return { branch: b.id, secretary: b.secretary.id, committee: committee.id, member: plain.id };
}

export async function expectRefused(t: ModuleTestApp, row: Refusal<Record<string, string>>): Promise<void> {
  const { got, want } = await checkRefusal(t, PARTY_TABLES, row);
  expect(got).toEqual(want);
}
