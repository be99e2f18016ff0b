/**
 * What several shell instances on one database rely on, as one contract on both back ends: the second
 * instance is a second storage on the same database (on SQLite the same one: better-sqlite3 would block
 * its one thread on the other connection's lock, and SQLite is one process's store anyway).
 */
import type { VillageConfig } from '@cunmen/manifest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS, type OpenedBackend, openBackend } from '../../../test/backends.js';
import { DEMO_DIVISIONS } from '../demo.js';
import { StalePortalError, type Storage } from '../types.js';

const V = '330521107201';
const config = (version: number): VillageConfig => ({
  village: V,
  version,
  theme: { elderlyByDefault: false },
  widgets: [],
});

describe.each(BACKENDS)('several instances on %s', (backend) => {
  let opened: OpenedBackend;
  let a: Storage;
  let b: Storage;

  beforeEach(async () => {
    opened = await openBackend(backend);
    a = opened.storage;
    b = backend === 'postgres' ? await opened.again() : a;
    await a.divisions.upsertDivisions(DEMO_DIVISIONS);
  });

  afterEach(async () => {
    if (b !== a) await b.close();
    await opened.close();
  });

  const save = (s: Storage, expectCurrent: number | null, tag: string) =>
    s.portals.savePortal({
      village: V,
      actor: tag,
      expectCurrent,
      build: (version) => ({
        config: config(version),
        snapshot: { json: `{"t":"${tag}"}`, etag: `"${tag}"`, warnings: [], resolvedAt: 'now' },
      }),
    });

  it('lets exactly one of many concurrent saves on one base win, whichever instance takes it', async () => {
    await save(a, null, 'first');
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => save(i % 2 ? a : b, 1, `w${i}`)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) {
      if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(StalePortalError);
    }
    expect(await b.portals.currentVersion(V)).toBe(2);
  });

  it("reads the current version with its snapshot's ETag, changed by a save or a refresh", async () => {
    expect(await a.portals.currentRef(V)).toBeNull();
    await save(a, null, 'one');
    expect(await b.portals.currentRef(V)).toEqual({ version: 1, etag: '"one"' });
    await b.portals.putSnapshot(V, 1, { json: '{}', etag: '"fresh"', warnings: [], resolvedAt: 'later' });
    expect(await a.portals.currentRef(V)).toEqual({ version: 1, etag: '"fresh"' });
  });

  it('gives a lease to one holder until it expires, and lets the holder renew it', async () => {
    const t = new Date('2026-12-01T00:00:00Z');
    const later = (ms: number) => new Date(t.getTime() + ms);
    const both = await Promise.all([
      a.leases.acquire('job', 'A', 1000, t),
      b.leases.acquire('job', 'B', 1000, t),
    ]);
    expect(both.filter(Boolean)).toHaveLength(1);
    const holder = both[0] ? 'A' : 'B';
    const other = holder === 'A' ? 'B' : 'A';
    expect(await b.leases.acquire('job', other, 1000, later(500))).toBe(false);
    expect(await a.leases.acquire('job', holder, 1000, later(900))).toBe(true);
    expect(await b.leases.acquire('job', other, 1000, later(1500))).toBe(false);
    expect(await b.leases.acquire('job', other, 1000, later(1901))).toBe(true);
    await b.leases.release('job', other);
    expect(await a.leases.acquire('job', holder, 1000, later(1950))).toBe(true);
  });

  it('counts a rate limit across instances, in windows', async () => {
    const counts = await Promise.all(
      Array.from({ length: 6 }, (_, i) => (i % 2 ? a : b).rateLimits.hit('login|1.2.3.4', 60_000, 1_000)),
    );
    expect(counts.map((c) => c.current).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await a.rateLimits.peek('login|1.2.3.4', 2_000)).toEqual({ current: 6, ttl: 59_000 });
    expect(await b.rateLimits.hit('login|1.2.3.4', 60_000, 61_000)).toEqual({ current: 1, ttl: 60_000 });
    expect(await a.rateLimits.peek('login|5.6.7.8', 2_000)).toEqual({ current: 0, ttl: 0 });
  });

  it('hands each due usage report to one sender, and again once its claim runs out', async () => {
    await a.usage.enqueue({ village: V, widgets: [{ name: '@deqing/a', version: '1.0.0' }] });
    const now = new Date(Date.now() + 1000);
    const [first, second] = await Promise.all([a.usage.due(now, 60_000), b.usage.due(now, 60_000)]);
    expect([...(first ?? []), ...(second ?? [])]).toHaveLength(1);
    expect(await b.usage.due(new Date(now.getTime() + 30_000), 60_000)).toEqual([]);
    expect(await b.usage.due(new Date(now.getTime() + 61_000), 60_000)).toHaveLength(1);
  });

  it('gives an OIDC state to one callback only, and a TOTP step to one sign-in only', async () => {
    const at = new Date().toISOString();
    await a.identity.saveOidcAttempt({
      state: 's1',
      nonce: 'n',
      codeVerifier: 'v',
      returnTo: '/',
      createdAt: at,
      browserHash: 'b',
    });
    const taken = await Promise.all([a.identity.takeOidcAttempt('s1'), b.identity.takeOidcAttempt('s1')]);
    expect(taken.filter((t) => t !== null)).toHaveLength(1);
    const user = await a.identity.createUser({
      name: 'zj',
      displayName: '张军',
      role: 'resident',
      division: V,
    });
    const steps = await Promise.all([
      a.identity.recordTotpStep(user.id, 900),
      b.identity.recordTotpStep(user.id, 900),
    ]);
    expect(steps.filter(Boolean)).toHaveLength(1);
    expect(await b.identity.recordTotpStep(user.id, 899)).toBe(false);
  });

  it('sees a session made on one instance on the other, and its end', async () => {
    const user = await a.identity.createUser({
      name: 'cadre',
      displayName: '村干部',
      role: 'village-cadre',
      division: V,
    });
    const session = {
      tokenHash: 'h1',
      userId: user.id,
      csrfToken: 'c',
      mfaPassed: false,
      createdAt: new Date().toISOString(),
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    };
    await a.identity.createSession(session);
    expect(await b.identity.findSession('h1')).toEqual(session);
    await b.identity.markSessionMfaPassed('h1');
    expect((await a.identity.findSession('h1'))?.mfaPassed).toBe(true);
    await a.identity.deleteSession('h1');
    expect(await b.identity.findSession('h1')).toBeNull();
  });

  it('lets one of two concurrent writes on one document version win, and keeps the quota', async () => {
    const scope = { village: V, widget: '@yiyuan/waste-pickup', collection: 'bookings' };
    const quota = { maxDocs: 3, maxBytes: 10_000 };
    const write = (data: string) => ({ data, by: null, at: new Date().toISOString() });
    expect((await a.host.createDoc(scope, 'd1', write('{"n":0}'), quota)).ok).toBe(true);
    const puts = await Promise.all(
      ['a', 'b', 'c', 'd'].map((tag, i) =>
        (i % 2 ? a : b).host.putDoc(
          scope,
          'd1',
          { ...write(`{"n":"${tag}"}`), ifVersion: 1 },
          quota,
          () => true,
        ),
      ),
    );
    expect(puts.filter((p) => p.ok)).toHaveLength(1);
    expect(puts.filter((p) => !p.ok).map((p) => !p.ok && p.reason)).toEqual([
      'conflict',
      'conflict',
      'conflict',
    ]);
    const creates = await Promise.all(
      Array.from({ length: 6 }, (_, i) => (i % 2 ? a : b).host.createDoc(scope, `n${i}`, write('{}'), quota)),
    );
    expect(creates.filter((c) => c.ok)).toHaveLength(2);
    expect(await a.host.usage(scope.village, scope.widget)).toMatchObject({ docs: 3 });
  });

  it('keeps drafts and refuses a second household with the same number', async () => {
    const draft = {
      village: V,
      baseVersion: 0,
      config: { village: V, theme: { elderlyByDefault: true }, widgets: [] },
      updatedAt: new Date().toISOString(),
      updatedBy: 'cadre',
    };
    await a.drafts.put(draft);
    expect(await b.drafts.get(V)).toEqual(draft);
    expect(await b.drafts.delete(V)).toBe(true);
    expect(await a.drafts.get(V)).toBeNull();
    const household = { village: V, number: 'H-1', head: '张军', address: null };
    expect(await a.households.createHousehold(household)).toMatchObject({ number: 'H-1' });
    expect(await b.households.createHousehold(household)).toBe('exists');
  });
});
