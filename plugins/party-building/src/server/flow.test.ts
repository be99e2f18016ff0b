// @vitest-environment node
/**
 * The module's working day on the real harness (SQLite, and PostgreSQL in the `postgres` project): a
 * cadre sets up the branch, its officers add members (whose data only officers see unmasked), plan a
 * 主题党日, members sign in, an officer records it with the sheet and the due list clears; members earn
 * points from meetings and study; residents see the public side, members the member side.
 */
import { describe, expect, it } from 'vitest';
import { givensFor } from './givens.js';
import { anonymous, freshApp, inV, MEETING, ok, users } from './test-helpers.js';

const t = freshApp();
const u = users();
const g = givensFor(u);

describe('a branch and its members', () => {
  it('creates the branch with its secretary, and shows personal data unmasked to officers only', async () => {
    const ids = await g.branch(t);
    const asOfficer = await ok(t, u.committee, `GET /branches/${ids.branch}/members`);
    expect(asOfficer.map((m: { name: string; role: string }) => `${m.name} ${m.role}`)).toEqual([
      '沈建国 secretary',
      '陆小燕 committee',
      '张卫东 member',
    ]);
    expect(asOfficer[2]).toMatchObject({ phone: '13857201111', birthDate: '1975-03-08', masked: false });
    for (const who of [u.member, u.cadre, inV(u.town), inV(u.county)]) {
      const list = await ok(t, who, `GET /branches/${ids.branch}/members`);
      expect(list[2]).toMatchObject({
        phone: '138****1111',
        birthDate: '1975-**-**',
        account: null,
        masked: true,
      });
      expect(JSON.stringify(list)).not.toContain('13857201111');
    }
    const one = await ok(t, u.secretary, `GET /branches/${ids.branch}/members/${ids.member}`);
    expect(one).toMatchObject({ name: '张卫东', phone: '13857201111', account: 'zhang-dangyuan' });
    const log = await t.audit.list({ limit: 100 });
    expect(log.map((e) => e.action)).toContain('party-building.member.view');
  });

  it('lets an officer change a member’s role, which makes them an officer', async () => {
    const ids = await g.branch(t);
    await ok(t, u.secretary, `PUT /branches/${ids.branch}/members/${ids.member}`, { role: 'deputy' });
    const one = await ok(t, u.member, `GET /branches/${ids.branch}/members/${ids.secretary}`);
    expect(one.phone).toBe('13905721234');
  });

  it('lists the village’s branches with due and overdue counts for cadres and staff above', async () => {
    await g.branch(t);
    const list = await ok(t, inV(u.town), 'GET /branches');
    // Tracking from October: October's three monthly meetings are overdue, November's three and the
    // fourth quarter's two are due.
    expect(list).toEqual([
      expect.objectContaining({
        name: '仙潭村党支部',
        secretary: '沈建国',
        memberCount: 3,
        due: 5,
        overdue: 3,
      }),
    ]);
  });
});

describe('organisational life', () => {
  it('records a 主题党日 with self sign-ins and the sheet, clears it from the due list, awards points', async () => {
    const ids = await g.planned(t);
    const before = await ok(t, u.secretary, `GET /branches/${ids.branch}/due`);
    expect(before).toContainEqual(
      expect.objectContaining({ kind: 'theme-day', period: '2026-11', status: 'due', planned: ids.meeting }),
    );
    await ok(t, u.member, `POST /meetings/${ids.meeting}/sign-in`);
    await ok(t, u.member, `POST /meetings/${ids.meeting}/sign-in`); // twice counts once
    const done = await ok(t, u.committee, `POST /branches/${ids.branch}/meetings/${ids.meeting}/record`, {
      heldOn: '2026-11-02',
      minutes: '到会党员 3 人，清理河道垃圾两车。',
      attendees: [ids.secretary, ids.committee],
    });
    expect(done).toEqual({ id: ids.meeting, status: 'held', heldOn: '2026-11-02', present: 3 });
    const after = await ok(t, u.secretary, `GET /branches/${ids.branch}/due`);
    expect(
      after.some((d: { kind: string; period: string }) => d.kind === 'theme-day' && d.period === '2026-11'),
    ).toBe(false);
    const detail = await ok(t, u.cadre, `GET /branches/${ids.branch}`);
    expect(detail.viewer).toEqual({ officer: false });
    const [meeting] = detail.meetings;
    expect(meeting.attendees.map((a: { name: string; via: string }) => `${a.name} ${a.via}`).sort()).toEqual([
      '张卫东 self',
      '沈建国 sheet',
      '陆小燕 sheet',
    ]);
    expect(detail.points.find((p: { name: string }) => p.name === '张卫东').total).toBe(3);
  });

  it('keeps attachments of the record, typed by their bytes, for the branch to download', async () => {
    const ids = await g.recorded(t);
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(100, 32)]);
    const res = await t.inject({
      as: u.secretary,
      method: 'POST',
      url: `/branches/${ids.branch}/meetings/${ids.meeting}/attachments?name=${encodeURIComponent('签到表.pdf')}`,
      payload: pdf,
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const file = res.json();
    expect(file).toMatchObject({ name: '签到表.pdf', mime: 'application/pdf', size: pdf.length });
    const got = await t.inject({
      as: u.member,
      url: `/branches/${ids.branch}/meetings/${ids.meeting}/attachments/${file.id}`,
    });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.rawPayload.equals(pdf)).toBe(true);
  });
});

describe('the portal', () => {
  it('shows everyone the branch contact, the news and the pioneers — never personal data', async () => {
    const ids = await g.branch(t);
    await ok(t, u.secretary, `POST /branches/${ids.branch}/posts`, {
      kind: 'news',
      title: '仙潭村党支部开展河道清理志愿活动',
      body: '11月2日，支部党员……',
    });
    await ok(t, u.secretary, `POST /branches/${ids.branch}/pioneers`, {
      member: ids.member,
      honour: '优秀共产党员',
      story: '带头清理河道，帮助独居老人。',
      year: 2026,
    });
    const page = await ok(t, anonymous, 'GET /public');
    expect(page.branches).toEqual([
      {
        id: ids.branch,
        name: '仙潭村党支部',
        address: '莫干山镇仙潭村村民委员会二楼',
        phone: '0572-8401234',
        secretary: '沈建国',
        memberCount: 3,
      },
    ]);
    expect(page.news.map((n: { title: string }) => n.title)).toEqual(['仙潭村党支部开展河道清理志愿活动']);
    expect(page.pioneers).toEqual([expect.objectContaining({ name: '张卫东', honour: '优秀共产党员' })]);
    expect(JSON.stringify(page)).not.toMatch(/1385720|1975-03/);
  });

  it('gives a member their notices, study materials, meetings ahead and points; study counts once', async () => {
    const ids = await g.posts(t);
    await ok(t, u.secretary, `POST /branches/${ids.branch}/meetings`, {
      ...MEETING,
      plannedOn: '2026-11-20',
    });
    await ok(t, u.member, `POST /study/${ids.study}/done`);
    await ok(t, u.member, `POST /study/${ids.study}/done`);
    await ok(t, u.secretary, `POST /branches/${ids.branch}/points`, {
      member: ids.member,
      points: 5,
      reason: '帮助独居老人收割晚稻',
    });
    const me = await ok(t, u.member, 'GET /me');
    expect(me.member).toMatchObject({ name: '张卫东', phone: '13857201111' });
    expect(me.officer).toBe(false);
    expect(me.notices.map((n: { title: string }) => n.title)).toEqual(['关于缴纳11月党费的通知']);
    expect(me.study).toEqual([expect.objectContaining({ id: ids.study, done: true })]);
    expect(me.upcoming).toEqual([expect.objectContaining({ plannedOn: '2026-11-20', signedIn: false })]);
    expect(me.points.total).toBe(6);
    expect(await ok(t, u.member, `GET /posts/${ids.notice}`)).toMatchObject({ kind: 'notice' });
  });
});
