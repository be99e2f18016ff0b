/**
 * The identity store's part for residents' sign-in channels, on both back ends and from two instances
 * sharing one database: SMS codes (counted tries, single use, only the latest counts), one account per
 * phone and per openid, residents without a household, WeChat states usable once, and the WeChat token
 * refresh claimed by one instance at a time.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS, type OpenedBackend, openBackend } from '../../test/backends.js';
import type { Storage } from '../storage/types.js';

const XIANTAN = '330521107201';
const iso = (ms: number) => new Date(ms).toISOString();

describe.each(BACKENDS)('the sign-in channels in the identity store on %s', (backend) => {
  let opened: OpenedBackend;
  let a: Storage;
  let b: Storage;

  beforeEach(async () => {
    opened = await openBackend(backend);
    a = opened.storage;
    b = await opened.again();
  });

  afterEach(async () => {
    await b.close();
    await opened.close();
  });

  const resident = (fields: { phone?: string; wechatOpenid?: string; household?: string | null } = {}) =>
    a.identity.createUser({
      name: `r-${Math.random().toString(16).slice(2, 12)}`,
      displayName: '村民',
      role: 'resident',
      division: XIANTAN,
      household: null,
      ...fields,
    });

  const code = (phoneHash: string, now = Date.now(), ttl = 300_000) => ({
    phoneHash,
    codeHash: `scrypt$salt$${phoneHash}`,
    createdAt: iso(now),
    expiresAt: iso(now + ttl),
  });

  it('counts tries of a code from two instances at once, never past the limit', async () => {
    await a.identity.savePhoneCode(code('p1'));
    const now = iso(Date.now());
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).identity.countPhoneCodeAttempt('p1', now, 5)),
    );
    const counted = results.flatMap((r) => (r.status === 'counted' ? [r.code.attempts] : []));
    expect(counted.sort()).toEqual([1, 2, 3, 4, 5]);
    expect(results.filter((r) => r.status === 'exhausted')).toHaveLength(3);
    expect(await a.identity.countPhoneCodeAttempt('p1', now, 5)).toEqual({ status: 'exhausted' });
  });

  it('lets exactly one instance use a code, then refuses it', async () => {
    await a.identity.savePhoneCode(code('p2'));
    const now = iso(Date.now());
    const attempt = await a.identity.countPhoneCodeAttempt('p2', now, 5);
    expect(attempt).toMatchObject({ status: 'counted', code: { attempts: 1, codeHash: 'scrypt$salt$p2' } });
    if (attempt.status !== 'counted') return;
    const used = await Promise.all([a, b, a, b].map((s) => s.identity.usePhoneCode(attempt.code.id, now)));
    expect(used.filter(Boolean)).toHaveLength(1);
    expect(await b.identity.countPhoneCodeAttempt('p2', now, 5)).toEqual({ status: 'used' });
  });

  it('knows no code for a phone never sent one, an expired one, and only the latest of several', async () => {
    expect(await a.identity.countPhoneCodeAttempt('nobody', iso(Date.now()), 5)).toEqual({ status: 'none' });
    const t0 = Date.now() - 600_000;
    await a.identity.savePhoneCode(code('p3', t0));
    expect(await b.identity.countPhoneCodeAttempt('p3', iso(Date.now()), 5)).toEqual({ status: 'expired' });
    await a.identity.savePhoneCode({ ...code('p3'), codeHash: 'newer' });
    const latest = await b.identity.countPhoneCodeAttempt('p3', iso(Date.now()), 5);
    expect(latest).toMatchObject({ status: 'counted', code: { codeHash: 'newer', attempts: 1 } });
  });

  it('keeps a phone and an openid on one account each, and finds accounts by them', async () => {
    const one = await resident({ phone: '13812345678' });
    await expect(resident({ phone: '13812345678' })).rejects.toThrow();
    expect((await b.identity.findUserByPhone('13812345678'))?.id).toBe(one.id);
    expect(await b.identity.findUserByPhone('13912345678')).toBeNull();
    expect(one).toMatchObject({
      phone: '13812345678',
      phoneVerifiedAt: null,
      wechatOpenid: null,
      household: null,
    });

    const two = await resident();
    expect(await a.identity.bindWechatOpenid(one.id, 'openid-1')).toBe('bound');
    expect(await b.identity.bindWechatOpenid(one.id, 'openid-1')).toBe('already-bound');
    expect(await b.identity.bindWechatOpenid(two.id, 'openid-1')).toBe('openid-taken');
    expect(await b.identity.bindWechatOpenid(one.id, 'openid-2')).toBe('account-has-other');
    expect((await a.identity.findUserById(two.id))?.wechatOpenid).toBeNull();
    expect((await b.identity.findUserByWechatOpenid('openid-1'))?.id).toBe(one.id);

    // Two instances binding one openid to two accounts at once: one wins.
    const [three, four] = [await resident(), await resident()];
    const raced = await Promise.all([
      a.identity.bindWechatOpenid(three.id, 'openid-3'),
      b.identity.bindWechatOpenid(four.id, 'openid-3'),
    ]);
    expect(raced.sort()).toEqual(['bound', 'openid-taken']);

    const at = iso(Date.now());
    await a.identity.markPhoneVerified(one.id, at);
    await b.identity.markPhoneVerified(one.id, iso(Date.now() + 1000));
    expect((await a.identity.findUserById(one.id))?.phoneVerifiedAt).toBe(at);
  });

  it('lists the residents of a division who have no household yet', async () => {
    const without = await resident({ phone: '13800000001' });
    await resident({ household: 'H-0001' });
    await a.identity.createUser({
      name: 'cadre',
      displayName: '干部',
      role: 'village-cadre',
      division: XIANTAN,
    });
    expect((await b.identity.listResidentsWithoutHousehold(XIANTAN)).map((u) => u.id)).toEqual([without.id]);
    expect((await b.identity.listResidentsWithoutHousehold('330521')).map((u) => u.id)).toEqual([without.id]);
    expect(await b.identity.listResidentsWithoutHousehold('330522')).toEqual([]);
  });

  it('hands a WeChat state to one instance only', async () => {
    const attempt = {
      stateHash: 's'.repeat(64),
      browserHash: 'b'.repeat(64),
      scope: 'snsapi_base' as const,
      village: XIANTAN,
      returnTo: '/v/330521107201/',
      createdAt: iso(Date.now()),
      expiresAt: iso(Date.now() + 600_000),
    };
    await a.identity.saveWechatAttempt(attempt);
    const taken = await Promise.all([
      a.identity.takeWechatAttempt(attempt.stateHash),
      b.identity.takeWechatAttempt(attempt.stateHash),
    ]);
    expect(taken.filter((t) => t !== null)).toEqual([attempt]);
  });

  it('gives the refresh of a WeChat token to one holder until it stores the value or its claim runs out', async () => {
    const now = Date.now();
    const claims = await Promise.all([
      a.identity.claimWechatRefresh('access_token:wx', 'A', iso(now), iso(now + 20_000)),
      b.identity.claimWechatRefresh('access_token:wx', 'B', iso(now), iso(now + 20_000)),
    ]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    const [winner, loser] = claims[0] ? ['A', 'B'] : ['B', 'A'];
    expect(await a.identity.readWechatToken('access_token:wx')).toBeNull();
    // The loser cannot store a value while the winner holds the claim.
    await b.identity.saveWechatToken('access_token:wx', loser as string, {
      value: 'stale',
      expiresAt: iso(now + 1),
    });
    expect(await a.identity.readWechatToken('access_token:wx')).toBeNull();
    const token = { value: 'TOKEN', expiresAt: iso(now + 7_000_000) };
    await a.identity.saveWechatToken('access_token:wx', winner as string, token);
    expect(await b.identity.readWechatToken('access_token:wx')).toEqual(token);
    // A claim whose time ran out is taken over.
    expect(await b.identity.claimWechatRefresh('jsapi_ticket:wx', 'A', iso(now), iso(now + 10))).toBe(true);
    expect(await a.identity.claimWechatRefresh('jsapi_ticket:wx', 'B', iso(now + 5), iso(now + 20_000))).toBe(
      false,
    );
    expect(
      await a.identity.claimWechatRefresh('jsapi_ticket:wx', 'B', iso(now + 11), iso(now + 20_000)),
    ).toBe(true);
  });
});
