// @vitest-environment node
/**
 * What the module tells people (./notices.ts): the resident on accept, reply and close; the township's
 * staff when the shell's timer escalates an overdue case — with no request touching the case.
 */
import { describe, expect, it } from 'vitest';
import { freshApp, must, submit, T, users, V } from './test-helpers.js';

const t = freshApp();
const u = users();
const HOUR = 3600_000;

describe('notices to the resident', () => {
  it('tells the resident in plain words when the case is accepted, answered and closed', async () => {
    const { id } = await submit(t, u.resident, { text: '路灯不亮' });
    expect(t.notices).toEqual([]);
    await must(t, u.cadre, id, 'accept');
    await must(t, u.cadre, id, 'reply', { answer: '已经修好了' });
    await must(t, u.cadre, id, 'close', { resolved: true });
    expect(t.notices).toEqual([
      {
        module: 'complaints',
        to: { user: u.resident.id },
        title: '您反映的事已受理',
        body: '您反映的“路灯不亮”已受理，我们会尽快办理',
        link: `/v/${V}/p/complaints`,
      },
      {
        module: 'complaints',
        to: { user: u.resident.id },
        title: '您反映的事有答复了',
        body: '您反映的“路灯不亮”已有答复，点此查看',
        link: `/v/${V}/p/complaints`,
      },
      {
        module: 'complaints',
        to: { user: u.resident.id },
        title: '您反映的事已办结',
        body: '您反映的“路灯不亮”已办结，请点此评价',
        link: `/v/${V}/p/complaints`,
      },
    ]);
  });

  it('names a long case by its first words and sends nothing for a dispatch', async () => {
    const { id } = await submit(t, u.resident, { text: '村口的路灯已经坏了整整三天，晚上出门很黑' });
    await must(t, u.cadre, id, 'accept');
    await must(t, u.cadre, id, 'dispatch', { target: T });
    expect(t.notices.map((n) => n.body)).toEqual([
      '您反映的“村口的路灯已经坏了整整三…”已受理，我们会尽快办理',
    ]);
  });
});

describe('the escalation timer', () => {
  it('escalates a case past its limit on a scheduler tick with no request and tells the township staff once', async () => {
    const { id, tracking } = await submit(t, u.resident, { text: '路灯不亮' });
    t.clock.advance(3 * HOUR); // past the 2-hour accept limit; nobody opens anything
    await t.runJobs();
    const escalated = await t.context.db
      .selectFrom('complaints_case')
      .select(['accept_escalated_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(escalated.accept_escalated_at).toBe('2026-11-02T04:00:00.000Z');
    expect(t.notices).toEqual([
      {
        module: 'complaints',
        to: { role: 'township-staff', division: T },
        title: '有案件超时，已提级',
        body: `“路灯不亮”（${tracking}）超过受理时限，已提级到乡镇督办，请尽快处理`,
        link: `/v/${V}/cadre/complaints`,
      },
    ]);
    await t.runJobs();
    expect(t.notices).toHaveLength(1);
    expect((await t.audit.list()).map((e) => e.action)).toContain('complaints.case.escalate');
  });
});
