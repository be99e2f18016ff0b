/** The inbox store's contract, on the embedded SQLite store and (postgres project) on PostgreSQL. */
import { makeTempDir } from '@cunmen/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../../test/postgres.js';
import { openStorage } from '../storage/index.js';
import type { Storage } from '../storage/types.js';
import type { Reader } from './store.js';

const AT = new Date('2026-11-02T01:00:00.000Z');
const later = (minutes: number) => new Date(AT.getTime() + minutes * 60_000);
const XIANTAN = '330521107201';
const TOWNSHIP = '330521107';

const zhang: Reader = { id: 11, role: 'resident', division: XIANTAN };
const li: Reader = { id: 12, role: 'resident', division: XIANTAN };
const staffA: Reader = { id: 21, role: 'township-staff', division: TOWNSHIP };
const staffB: Reader = { id: 22, role: 'township-staff', division: TOWNSHIP };
const otherTownship: Reader = { id: 23, role: 'township-staff', division: '330521003' };
const cadre: Reader = { id: 24, role: 'village-cadre', division: TOWNSHIP };

const notice = (to: { user: number } | { role: 'township-staff'; division: string }, title = '有新消息') => ({
  module: 'complaints',
  to,
  title,
  body: '您反映的“路灯不亮”已有答复，点此查看',
  link: '/complaints',
});

let dir: Awaited<ReturnType<typeof makeTempDir>>;
let storage: Storage;

beforeEach(async () => {
  dir = await makeTempDir('cunmen-notices-');
  storage = await openStorage(dir.path, { databaseUrl: await testDatabaseUrl() });
});

afterEach(async () => {
  await storage.close();
  await dir.remove();
});

describe('the inbox store', () => {
  it('lists a user their own notices, newest first, in pages', async () => {
    const n = storage.notifications;
    for (let i = 1; i <= 5; i++) await n.add(notice({ user: zhang.id }, `第${i}条`), later(i));
    await n.add(notice({ user: li.id }, '别人的'), later(6));
    const first = await n.list(zhang, 1, 2);
    expect(first.total).toBe(5);
    expect(first.items.map((i) => i.title)).toEqual(['第5条', '第4条']);
    expect(first.items[0]).toMatchObject({ module: 'complaints', link: '/complaints', readAt: null });
    expect((await n.list(zhang, 3, 2)).items.map((i) => i.title)).toEqual(['第1条']);
    expect((await n.list(li, 1, 20)).items.map((i) => i.title)).toEqual(['别人的']);
  });

  it('counts unread notices and marks one or all read, each reader for themselves', async () => {
    const n = storage.notifications;
    const a = await n.add(notice({ user: zhang.id }), AT);
    await n.add(notice({ user: zhang.id }), later(1));
    expect(await n.unreadCount(zhang)).toBe(2);
    expect(await n.markRead(zhang, a.id, later(2))).toBe(true);
    expect(await n.markRead(zhang, a.id, later(3))).toBe(true); // again: still one read
    expect(await n.unreadCount(zhang)).toBe(1);
    const page = await n.list(zhang, 1, 20);
    expect(page.items.find((i) => i.id === a.id)?.readAt).toBe(later(2).toISOString());
    expect(await n.markAllRead(zhang, later(4))).toBe(1);
    expect(await n.markAllRead(zhang, later(5))).toBe(0);
    expect(await n.unreadCount(zhang)).toBe(0);
  });

  it("refuses to mark another user's notice and changes nothing", async () => {
    const n = storage.notifications;
    const theirs = await n.add(notice({ user: zhang.id }), AT);
    expect(await n.markRead(li, theirs.id, later(1))).toBe(false);
    expect(await n.markRead(li, 999_999, later(1))).toBe(false);
    expect(await n.markAllRead(li, later(1))).toBe(0);
    expect(await n.unreadCount(zhang)).toBe(1);
    expect((await n.list(zhang, 1, 20)).items[0]?.readAt).toBeNull();
  });

  it('fans a role notice out at read time to the staff of exactly that role and division', async () => {
    const n = storage.notifications;
    const due = await n.add(notice({ role: 'township-staff', division: TOWNSHIP }, '案件已超时'), AT);
    expect(due).toMatchObject({ userId: null, role: 'township-staff', division: TOWNSHIP });
    expect(await n.unreadCount(staffA)).toBe(1);
    expect(await n.unreadCount(staffB)).toBe(1);
    expect(await n.unreadCount(otherTownship)).toBe(0);
    expect(await n.unreadCount(cadre)).toBe(0);
    expect(await n.markRead(otherTownship, due.id, later(1))).toBe(false);
    // One colleague reading it leaves it unread for the other.
    expect(await n.markRead(staffA, due.id, later(1))).toBe(true);
    expect(await n.unreadCount(staffA)).toBe(0);
    expect(await n.unreadCount(staffB)).toBe(1);
    expect(await n.markAllRead(staffB, later(2))).toBe(1);
    expect((await n.list(staffB, 1, 20)).items[0]?.readAt).toBe(later(2).toISOString());
  });
});
