// @vitest-environment node
/**
 * What 三务公开 tells people (./notices.ts): a resident that their question was answered; the village's
 * cadres, from the shell's timer, that a periodic disclosure is due within three days — once.
 */
import { describe, expect, it } from 'vitest';
import { financeDraft, freshApp, publish, users, WS, XT } from './test-helpers.js';

const t = freshApp();

describe('notices', () => {
  it('tells the resident their question was answered', async () => {
    const id = await publish(t, financeDraft);
    const asked = await t.inject({
      as: users.resident,
      method: 'POST',
      url: `/published/${id}/questions`,
      payload: { text: '保洁费是付给谁的？' },
    });
    expect(asked.statusCode).toBe(201);
    expect(t.notices).toEqual([]);
    const answered = await t.inject({
      as: users.cadre,
      method: 'POST',
      url: `/questions/${asked.json().id}/answer`,
      payload: { text: '付给保洁公司，合同见村委会。' },
    });
    expect(answered.statusCode).toBe(200);
    expect(t.notices).toEqual([
      {
        module: 'affairs-disclosure',
        to: { user: users.resident.id },
        title: '您的提问有答复了',
        body: '您对“2026年10月财务收支明细”的提问，村里已经答复，点此查看',
        link: `/v/${XT}/p/affairs-disclosure`,
      },
    ]);
  });

  it('reminds the cadres of a disclosure due within three days and not yet published, once', async () => {
    // 2 November: October's 财务收支明细 is due on 10 November, more than three days away.
    await t.runJobs();
    expect(t.notices).toEqual([]);
    await publish(t, financeDraft); // 仙潭村 publishes October's; the other villages do not
    t.clock.set('2026-11-08T01:00:00.000Z');
    await t.runJobs();
    expect(t.notices).toEqual(
      [WS, '370323108213'].map((village) => ({
        module: 'affairs-disclosure',
        to: { role: 'village-cadre', division: village },
        title: '有村务该公开了',
        body: '“财务收支明细”要在11月10日前公开，请及时办理',
        link: `/v/${village}/cadre/affairs-disclosure`,
      })),
    );
    t.clock.advance(3600_000);
    await t.runJobs();
    expect(t.notices).toHaveLength(2);
  });
});
