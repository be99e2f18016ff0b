/**
 * The join-request store's contract, on the embedded SQLite store and (the `postgres` project) on
 * PostgreSQL: one open request per account, approval binds the account and adds a register member in
 * one step, and of two decisions at once exactly one wins.
 */
import { join } from 'node:path';
import { makeTempDir } from '@cunmen/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../../test/postgres.js';
import { openStorage } from '../storage/index.js';
import type { Storage } from '../storage/types.js';
import type { Household } from './store.js';

const V = '330521107201';
const OTHER = '330521003201';
let storage: Storage;
let dir: Awaited<ReturnType<typeof makeTempDir>>;
let household: Household;
let accounts = 0;

const resident = async (village = V) =>
  storage.identity.createUser({
    name: `r-store-${++accounts}`,
    displayName: `村民${accounts}`,
    role: 'resident',
    division: village,
    household: null,
    phone: `138000000${String(accounts).padStart(2, '0')}`,
  });

const ask = async (accountId: number, village = V, householdId = household.id) =>
  storage.joinRequests.create({
    village,
    accountId,
    householdId,
    name: '张小明',
    relation: '子女',
    note: '刚回村',
  });

beforeAll(async () => {
  dir = await makeTempDir('cunmen-join-store-');
  storage = await openStorage(join(dir.path, 'data'), { databaseUrl: await testDatabaseUrl() });
  household = (await storage.households.createHousehold({
    village: V,
    number: '0012',
    head: '张大山',
    address: '仙潭村 3 组 12 号',
  })) as Household;
});
afterAll(async () => {
  await storage?.close();
  await dir?.remove();
});

describe('join requests (store)', () => {
  it('creates a pending request, lists it for its village only, and answers it as the account’s latest', async () => {
    const user = await resident();
    const made = await ask(user.id);
    expect(made).toMatchObject({
      village: V,
      accountId: user.id,
      householdId: household.id,
      householdNumber: '0012',
      householdHead: '张大山',
      relation: '子女',
      note: '刚回村',
      status: 'pending',
      reason: null,
      phone: user.phone,
    });
    if (made === 'open') throw new Error('unexpected');
    expect((await storage.joinRequests.listPending(V)).map((r) => r.id)).toContain(made.id);
    expect(await storage.joinRequests.listPending(OTHER)).toEqual([]);
    expect(await storage.joinRequests.latestOf(user.id)).toEqual(made);
    expect(await storage.joinRequests.get(OTHER, made.id)).toBeNull();
  });

  it('keeps one open request per account, and allows a new one once the last was decided', async () => {
    const user = await resident();
    const first = await ask(user.id);
    expect(await ask(user.id)).toBe('open');
    if (first === 'open') throw new Error('unexpected');
    const rejected = await storage.joinRequests.reject(V, first.id, 'xt-cadre', '不是本户成员', 'T1');
    expect(rejected).toMatchObject({
      kind: 'decided',
      request: { status: 'rejected', reason: '不是本户成员', decidedBy: 'xt-cadre', decidedAt: 'T1' },
    });
    const second = await ask(user.id);
    expect(second).toMatchObject({ status: 'pending' });
    expect(await storage.joinRequests.latestOf(user.id)).toEqual(second);
  });

  it('approves: binds the account to the household and adds it to the register, once', async () => {
    const user = await resident();
    const made = await ask(user.id);
    if (made === 'open') throw new Error('unexpected');
    const approved = await storage.joinRequests.approve(V, made.id, 'xt-cadre', 'T2');
    expect(approved).toMatchObject({
      kind: 'decided',
      request: { status: 'approved', decidedBy: 'xt-cadre' },
    });
    expect((await storage.identity.findUserById(user.id))?.household).toBe('0012');
    const members = await storage.households.listResidents(household.id);
    expect(members.filter((m) => m.accountId === user.id)).toMatchObject([
      { name: '张小明', relation: '子女', phone: user.phone },
    ]);
    expect(await storage.joinRequests.approve(V, made.id, 'other', 'T3')).toMatchObject({
      kind: 'already-decided',
      request: { status: 'approved', decidedBy: 'xt-cadre' },
    });
    expect(await storage.joinRequests.reject(V, made.id, 'other', '晚了', 'T3')).toMatchObject({
      kind: 'already-decided',
    });
    expect((await storage.households.listResidents(household.id)).length).toBe(members.length);
  });

  it('lets exactly one of two concurrent decisions win', async () => {
    for (let round = 0; round < 3; round++) {
      const user = await resident();
      const made = await ask(user.id);
      if (made === 'open') throw new Error('unexpected');
      const before = (await storage.households.listResidents(household.id)).length;
      const results = await Promise.all([
        storage.joinRequests.approve(V, made.id, 'cadre-a', 'T4'),
        storage.joinRequests.reject(V, made.id, 'cadre-b', '信息不符', 'T4'),
        storage.joinRequests.approve(V, made.id, 'cadre-c', 'T4'),
      ]);
      expect(results.filter((r) => r.kind === 'decided')).toHaveLength(1);
      expect(results.filter((r) => r.kind === 'already-decided')).toHaveLength(2);
      const final = await storage.joinRequests.get(V, made.id);
      const after = (await storage.households.listResidents(household.id)).length;
      const account = await storage.identity.findUserById(user.id);
      if (final?.status === 'approved') {
        expect([account?.household, after]).toEqual(['0012', before + 1]);
      } else {
        expect([final?.status, account?.household, after]).toEqual(['rejected', null, before]);
      }
    }
  });

  it('refuses approval when the account joined a household meanwhile, and changes nothing', async () => {
    const user = await resident();
    const made = await ask(user.id);
    if (made === 'open') throw new Error('unexpected');
    await storage.modules.database
      .updateTable('identity_users')
      .set({ household: '0099' })
      .where('id', '=', user.id)
      .execute();
    const before = (await storage.households.listResidents(household.id)).length;
    expect(await storage.joinRequests.approve(V, made.id, 'xt-cadre', 'T5')).toMatchObject({
      kind: 'has-household',
      request: { status: 'pending' },
    });
    expect((await storage.identity.findUserById(user.id))?.household).toBe('0099');
    expect((await storage.households.listResidents(household.id)).length).toBe(before);
  });

  it('answers not-found for an unknown id or another village’s request', async () => {
    const user = await resident();
    const made = await ask(user.id);
    if (made === 'open') throw new Error('unexpected');
    expect(await storage.joinRequests.approve(V, 999_999, 'x', 'T6')).toEqual({ kind: 'not-found' });
    expect(await storage.joinRequests.approve(OTHER, made.id, 'x', 'T6')).toEqual({ kind: 'not-found' });
    expect(await storage.joinRequests.reject(OTHER, made.id, 'x', 'r', 'T6')).toEqual({ kind: 'not-found' });
    expect((await storage.joinRequests.get(V, made.id))?.status).toBe('pending');
  });

  it('finds households by the head’s name', async () => {
    expect((await storage.households.findByHead(V, '张大山')).map((h) => h.number)).toEqual(['0012']);
    expect(await storage.households.findByHead(OTHER, '张大山')).toEqual([]);
  });
});
