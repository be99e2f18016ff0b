// @vitest-environment node
/**
 * What residents and anonymous visitors can get: published items by category and period, exports,
 * questions and answers — and never an ID-card, mobile or bank-card number, whatever was uploaded.
 */
import { findPersonalData } from '@cunmen/pii';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ROUTES } from './index.js';
import {
  CARD,
  catalogueItem,
  financeDraft,
  freshApp,
  ID1,
  ID2,
  MOBILE,
  PNG,
  publish,
  rosterCsv,
  rosterDraft,
  upload,
  users,
  XT,
} from './test-helpers.js';

const t = freshApp();

async function xlsxText(bytes: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: string[] = [];
  wb.eachSheet((ws) => {
    out.push(ws.name);
    ws.eachRow((row) => {
      row.eachCell((cell) => {
        out.push(String(cell.text));
      });
    });
  });
  return out.join('\n');
}

const SENSITIVE = ['id-card', 'mobile', 'bank-card'];

describe('residents read published items', () => {
  it('by category and period, anonymous too', async () => {
    const fin = await publish(t, financeDraft);
    const roster = await publish(t, rosterDraft, true);
    const all = (await t.inject({ as: users.resident, url: '/published' })).json();
    expect(all.items.map((i: { id: string }) => i.id).sort()).toEqual([fin, roster].sort());
    const finance = (await t.inject({ as: users.resident, url: '/published?category=finance' })).json();
    expect(finance.items.map((i: { id: string }) => i.id)).toEqual([fin]);
    const q3 = (await t.inject({ as: null, url: `/published?village=${XT}&period=2026-Q3` })).json();
    expect(q3.items.map((i: { id: string }) => i.id)).toEqual([roster]);
    const year = (await t.inject({ as: { village: XT, user: null }, url: '/published?period=2026' })).json();
    expect(year.items).toHaveLength(2);
    const other = (await t.inject({ as: users.residentWs, url: '/published' })).json();
    expect(other.items).toEqual([]);
    const bad = await t.inject({ as: users.resident, url: '/published?period=2026-Q9' });
    expect(bad.json().code).toBe('AFFAIRS_ERR_PERIOD');
    const cat = await t.inject({ as: users.resident, url: '/published?category=money' });
    expect(cat.json()).toMatchObject({ code: 'MODULE_ERR_INVALID_ARGUMENT', field: 'category' });
  });

  it('exports a published item as XLSX and CSV with its tables and masked lists', async () => {
    const id = await publish(t, rosterDraft, true);
    const xlsx = await t.inject({ as: users.resident, url: `/published/${id}/export.xlsx` });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const text = await xlsxText(xlsx.rawPayload);
    expect(text).toContain('保障人数');
    expect(text).toContain(rosterDraft.title);
    const fin = await publish(t, financeDraft);
    const finText = await xlsxText(
      (await t.inject({ as: null, url: `/published/${fin}/export.xlsx?village=${XT}` })).rawPayload,
    );
    expect(finText).toContain('村集体房屋租金');
    expect(finText).toContain('13,800.00');
    const csv = await t.inject({ as: users.resident, url: `/published/${fin}/export.csv` });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('道路保洁费,0.00,"1,200.00"');
  });

  it('asks a question, gets an answer within the limit; overdue ones are flagged upward', async () => {
    const id = await publish(t, financeDraft);
    const asked = await t.inject({
      as: users.resident,
      method: 'POST',
      url: `/published/${id}/questions`,
      payload: { text: `保洁费是付给谁的？我的电话 ${MOBILE}` },
    });
    expect(asked.statusCode).toBe(201);
    const q = asked.json();
    expect(q.text).not.toContain(MOBILE);
    expect(q.dueAt).toBe('2026-11-12T01:00:00.000Z');
    t.clock.advance(11 * 86_400_000);
    const township = (await t.inject({ as: users.township, url: '/dashboard?division=330521107' })).json();
    expect(township.overdueQuestions.map((x: { id: string; overdue: boolean }) => [x.id, x.overdue])).toEqual(
      [[q.id, true]],
    );
    const open = (await t.inject({ as: users.cadre, url: '/questions?open=true' })).json();
    expect(open.questions).toHaveLength(1);
    const answered = await t.inject({
      as: users.cadre,
      method: 'POST',
      url: `/questions/${q.id}/answer`,
      payload: { text: '付给保洁公司，合同见村委会。' },
    });
    expect(answered.json()).toMatchObject({ answer: '付给保洁公司，合同见村委会。', overdue: false });
    const view = (await t.inject({ as: users.resident, url: `/published/${id}` })).json();
    expect(view.questions[0]).toMatchObject({ answer: '付给保洁公司，合同见村委会。' });
    expect(JSON.stringify(view)).not.toContain('resident-xt');
    expect(JSON.stringify(view)).not.toContain('cadre-xt');
    expect(
      (await t.inject({ as: users.township, url: '/dashboard?division=330521107' })).json().overdueQuestions,
    ).toEqual([]);
    const audit = (await t.audit.list({ limit: 10_000 })).map((e) => e.action);
    expect(audit).toContain('affairs-disclosure.question.answer');
  });

  it('takes the answer limit from the county, else the province, else 10 days', async () => {
    const id = await publish(t, financeDraft);
    expect((await t.inject({ as: users.cadre, url: '/settings' })).json().answerDays).toBe(10);
    expect(
      (
        await t.inject({
          as: users.province,
          method: 'PUT',
          url: '/settings',
          payload: { scope: '330000', answerDays: 15 },
        })
      ).statusCode,
    ).toBe(200);
    expect((await t.inject({ as: users.cadre, url: '/settings' })).json().answerDays).toBe(15);
    expect(
      (
        await t.inject({
          as: users.county,
          method: 'PUT',
          url: '/settings',
          payload: { scope: '330521', answerDays: 5 },
        })
      ).statusCode,
    ).toBe(200);
    const s = (await t.inject({ as: users.cadre, url: '/settings' })).json();
    expect(s.answerDays).toBe(5);
    expect(s.rows).toHaveLength(2);
    const q = (
      await t.inject({
        as: users.resident,
        method: 'POST',
        url: `/published/${id}/questions`,
        payload: { text: '请问租金收入从哪来？' },
      })
    ).json();
    expect(q.dueAt).toBe('2026-11-07T01:00:00.000Z');
  });

  it('extends the catalogue along the division code', async () => {
    const item = catalogueItem('德清县美丽乡村项目', '德清县文件', 'half-yearly');
    const county = await t.inject({ as: users.county, method: 'POST', url: '/catalogue', payload: item });
    expect(county.json()).toMatchObject({
      scope: '330521',
      title: '德清县美丽乡村项目',
      deadlineText: '下半年（次年）第一个月 15 日前',
    });
    const village = await t.inject({
      as: users.cadre,
      method: 'POST',
      url: '/catalogue',
      payload: { ...item, title: '仙潭村民宿收益', maskNames: true },
    });
    expect(village.json().scope).toBe(XT);
    const replaced = await t.inject({
      as: users.province,
      method: 'POST',
      url: '/catalogue',
      payload: { ...item, title: '浙江省低保名单', replaces: 'dibao-roster', maskNames: true },
    });
    expect(replaced.json().key).toBe('dibao-roster');
    const xt = (await t.inject({ as: null, url: `/catalogue?village=${XT}` })).json().items;
    expect(xt.find((i: { key: string }) => i.key === 'dibao-roster').title).toBe('浙江省低保名单');
    expect(xt.map((i: { title: string }) => i.title)).toEqual(
      expect.arrayContaining(['德清县美丽乡村项目', '仙潭村民宿收益']),
    );
    const ws = (await t.inject({ as: users.residentWs, url: '/catalogue' })).json().items;
    expect(ws.map((i: { title: string }) => i.title)).toContain('德清县美丽乡村项目');
    expect(ws.map((i: { title: string }) => i.title)).not.toContain('仙潭村民宿收益');
    const sd = (await t.inject({ as: null, url: '/catalogue?village=370323108213' })).json().items;
    expect(sd.find((i: { key: string }) => i.key === 'dibao-roster').title).toBe('低保对象名单');
    expect(sd).toHaveLength(14);
  });
});

describe('no resident or anonymous response holds an ID-card, mobile or bank-card number', () => {
  it('across every public route, for lists, text, tables, questions and answers', async () => {
    const roster = await publish(t, rosterDraft, true);
    // A second list as CSV on a finance item, plus an image the uploader confirmed, plus a correction.
    const fin = (
      await t.inject({
        as: users.cadre,
        method: 'POST',
        url: '/items',
        payload: {
          ...financeDraft,
          finance: {
            ...financeDraft.finance,
            rows: [
              { subject: `退还押金 ${ID2}`, income: 0, expenditure: 120_000 },
              { subject: `租金 卡号${CARD}`, income: 500_000, expenditure: 0 },
            ],
          },
        },
      })
    ).json();
    expect((await upload(t, fin.id, `名单-${MOBILE}.csv`, rosterCsv())).statusCode).toBe(201);
    expect(
      (await upload(t, fin.id, '凭证.png', PNG, users.cadre, '?confirmNoPersonalData=true')).statusCode,
    ).toBe(201);
    for (const [as, step, payload] of [
      [users.cadre, 'submit', {}],
      [users.supervisor, 'approve', {}],
      [users.cadre, 'council', { meetingDate: '2026-11-02' }],
      [users.cadre, 'publish', {}],
    ] as const) {
      expect(
        (await t.inject({ as, method: 'POST', url: `/items/${fin.id}/${step}`, payload })).statusCode,
      ).toBe(200);
    }
    const q = (
      await t.inject({
        as: users.resident,
        method: 'POST',
        url: `/published/${roster}/questions`,
        payload: { text: `我身份证${ID2}，为什么不在名单？电话${MOBILE}` },
      })
    ).json();
    await t.inject({
      as: users.cadre,
      method: 'POST',
      url: `/questions/${q.id}/answer`,
      payload: { text: `已核实 ${ID2} 不符合条件，请致电 ${MOBILE}` },
    });

    const texts: string[] = [];
    const rosterTexts: string[] = [];
    const callers = [users.resident, { village: XT, user: null }, null] as const;
    const publicGets = ROUTES.filter(
      (r) => r.method === 'GET' && (r.url.startsWith('/published') || r.url === '/catalogue'),
    );
    expect(publicGets.map((r) => r.url)).toEqual(
      expect.arrayContaining([
        '/published',
        '/published/:id',
        '/published/:id/attachments/:aid',
        '/published/:id/export.xlsx',
        '/published/:id/export.csv',
        '/catalogue',
      ]),
    );
    for (const as of callers) {
      const suffix = as === null ? `?village=${XT}` : '';
      for (const id of [roster, fin.id]) {
        const view = (await t.inject({ as, url: `/published/${id}${suffix}` })).json();
        for (const route of publicGets) {
          const aids = route.url.includes(':aid') ? view.attachments.map((a: { id: string }) => a.id) : [''];
          for (const aid of aids) {
            const url = route.url.replace(':id', id).replace(':aid', aid);
            const res = await t.inject({ as, url: `${url}${suffix}` });
            expect(res.statusCode, url).toBe(200);
            const type = String(res.headers['content-type']);
            const body = type.includes('spreadsheetml')
              ? await xlsxText(res.rawPayload)
              : type.startsWith('image/') || type.startsWith('application/pdf')
                ? ''
                : res.body;
            texts.push(body);
            if (id === roster && route.url !== '/published' && route.url !== '/catalogue')
              rosterTexts.push(body);
          }
        }
      }
    }
    texts.push(JSON.stringify(q));
    const all = texts.join('\n');
    expect(all.length).toBeGreaterThan(5_000);
    const findings = texts.flatMap((x) => findPersonalData(x)).filter((f) => SENSITIVE.includes(f.kind));
    expect(findings).toEqual([]);
    for (const secret of [ID1, ID2, MOBILE, CARD]) expect(all).not.toContain(secret);
    // 低保对象名单 masks names (maskNames), in its list and in its text; 财务收支明细 does not.
    expect(rosterTexts.length).toBeGreaterThan(10);
    for (const name of ['张三丰', '李秀英']) expect(rosterTexts.join('\n')).not.toContain(name);
    expect(all).toContain('张三丰');
    // The control: the same check does find the numbers in what was uploaded.
    expect(
      findPersonalData(`${ID1} ${MOBILE} ${CARD}`)
        .map((f) => f.kind)
        .sort(),
    ).toEqual(['bank-card', 'id-card', 'mobile']);
  });
});
