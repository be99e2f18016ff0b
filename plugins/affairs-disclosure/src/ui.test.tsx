/**
 * The widgets against the real server routes: a cadre drafts a finance disclosure with an XLSX roster,
 * the supervision member approves, the cadre records 两委 approval and publishes, a resident reads it
 * and sees only masked numbers, asks a question; the tile counts it. (The lead's browser test drives the
 * same labels in the shell.)
 */
import { findPersonalData } from '@cunmen/pii';
import type { HostUser } from '@cunmen/sdk';
import { renderWithHost } from '@cunmen/sdk/testing';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AffairsCadre } from './cadre/Cadre.js';
import { AffairsPage } from './page/Page.js';
import { freshApp, ID1, MOBILE, rosterXlsx, users } from './server/test-helpers.js';
import { serverHandler } from './test-host.js';
import { AffairsTile } from './tile/Tile.js';

const CAPS = ['module.api', 'user.read'] as const;
const host = (role: HostUser['role'], id: string): HostUser => ({ id, displayName: '王*明', role });
const TITLE = '2026年10月财务收支明细';

const t = freshApp();
afterEach(() => {
  cleanup();
});

const click = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }));
const type = (label: string | RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

async function draftAndSubmit() {
  renderWithHost(<AffairsCadre path="/" />, {
    capabilities: CAPS,
    user: host('cadre', 'c1'),
    module: serverHandler(t, users.cadre),
  });
  click('起草公开');
  await screen.findByRole('option', { name: /财务收支明细/ });
  type(/公开事项/, 'finance-ledger');
  type(/公开期次/, '2026-10');
  type(/^标题/, TITLE);
  type(/^正文/, `# 十月收支\n租金收入已入账。\n- 联系电话 ${MOBILE}`);
  type(/期初余额/, '10,000');
  type(/科目 1/, '村集体房屋租金');
  type(/收入（元） 1/, '5000');
  click('添加一行');
  type(/科目 2/, '道路保洁费');
  type(/支出（元） 2/, '1200.50');
  type(/期末余额/, '13799.5');
  click('保存草稿');
  expect(await screen.findByText('状态：草稿')).toBeDefined();
  const file = new File([new Uint8Array(await rosterXlsx())], '低保名单.xlsx', {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  fireEvent.change(screen.getByLabelText(/选择附件/), { target: { files: [file] } });
  click('上传附件');
  // Parsing and masking the workbook can take seconds on a loaded machine.
  expect(await screen.findByText(/已上传 低保名单.xlsx，脱敏 \d+ 处/, {}, { timeout: 15_000 })).toBeDefined();
  expect(screen.getByText(/^已脱敏 \d+ 处$/)).toBeDefined();
  expect(document.body.textContent).not.toContain(ID1);
  expect(document.body.textContent).not.toContain(MOBILE);
  click('提交审核');
  expect(await screen.findByText('已提交村务监督委员会审核')).toBeDefined();
  cleanup();
}

async function approve() {
  renderWithHost(<AffairsCadre path="/" />, {
    capabilities: CAPS,
    user: host('supervisor', 's1'),
    module: serverHandler(t, users.supervisor),
  });
  click('审核与发布');
  fireEvent.click(await screen.findByRole('button', { name: `打开 ${TITLE}` }));
  fireEvent.click(await screen.findByRole('button', { name: '审核通过' }));
  expect(await screen.findByText('已审核通过')).toBeDefined();
  cleanup();
}

async function councilAndPublish() {
  renderWithHost(<AffairsCadre path="/" />, {
    capabilities: CAPS,
    user: host('cadre', 'c1'),
    module: serverHandler(t, users.cadre),
  });
  click('审核与发布');
  fireEvent.click(await screen.findByRole('button', { name: `打开 ${TITLE}` }));
  await screen.findByRole('button', { name: '记录两委审议通过' });
  type('两委会议日期', '2026-11-02');
  click('记录两委审议通过');
  fireEvent.click(await screen.findByRole('button', { name: '发布' }));
  expect(await screen.findByText('已发布，村民现在可以看到')).toBeDefined();
  cleanup();
}

describe('cadre → supervisor → cadre → resident', () => {
  it('drafts, reviews, publishes and reads a finance disclosure with a masked roster', async () => {
    await draftAndSubmit();
    await approve();
    await councilAndPublish();

    renderWithHost(<AffairsPage path="/" />, {
      capabilities: CAPS,
      user: host('resident', 'r1'),
      module: serverHandler(t, users.resident),
    });
    click('财务');
    fireEvent.click(await screen.findByText(TITLE));
    expect(await screen.findByText('收支明细（元）')).toBeDefined();
    expect(screen.getByText('道路保洁费')).toBeDefined();
    expect(screen.getAllByText('1,200.50')).toHaveLength(2); // the row and the total
    expect(screen.getByText('13,799.50')).toBeDefined();
    expect(screen.getByText('保障人数')).toBeDefined();
    const text = document.body.textContent ?? '';
    expect(findPersonalData(text).filter((f) => ['id-card', 'mobile', 'bank-card'].includes(f.kind))).toEqual(
      [],
    );
    type(/您的问题/, '保洁费是按什么标准支付的？');
    click('提交提问');
    expect(await screen.findByText(/已提交，村委会将在 10 天内答复/)).toBeDefined();
    expect(await screen.findByText('保洁费是按什么标准支付的？')).toBeDefined();
    cleanup();

    renderWithHost(<AffairsTile />, {
      capabilities: CAPS,
      user: null,
      module: serverHandler(t, { village: '330521107201', user: null }),
    });
    expect(await screen.findByText(`已公开 1 项 · 最新：${TITLE}`)).toBeDefined();
  });
});

describe('errors reach the form, naming the field', () => {
  it('checks the balance before sending and shows the closing balance the rows give', async () => {
    renderWithHost(<AffairsCadre path="/" />, {
      capabilities: CAPS,
      user: host('cadre', 'c1'),
      module: serverHandler(t, users.cadre),
    });
    click('起草公开');
    await screen.findByRole('option', { name: /财务收支明细/ });
    type(/公开事项/, 'finance-ledger');
    type(/公开期次/, '2026-10');
    type(/^标题/, TITLE);
    type(/^正文/, '正文');
    type(/期初余额/, '100');
    type(/科目 1/, '租金');
    type(/收入（元） 1/, '50');
    type(/期末余额/, '149');
    click('保存草稿');
    expect(await screen.findByText('期末余额应等于期初余额加收入合计减支出合计')).toBeDefined();
    expect(screen.getByText('按收支计算应为 150.00 元')).toBeDefined();
    expect((await t.inject({ as: users.cadre, url: '/items' })).json().items).toEqual([]);
  });

  it('shows a duplicate period refused by the server', async () => {
    await t.inject({
      as: users.cadre,
      method: 'POST',
      url: '/items',
      payload: { catalogueKey: 'finance-ledger', period: '2026-10', title: TITLE, body: '正文' },
    });
    renderWithHost(<AffairsCadre path="/" />, {
      capabilities: CAPS,
      user: host('cadre', 'c1'),
      module: serverHandler(t, users.cadre),
    });
    click('起草公开');
    await screen.findByRole('option', { name: /财务收支明细/ });
    type(/公开事项/, 'finance-ledger');
    type(/公开期次/, '2026-10');
    type(/^标题/, '重复的十月');
    type(/^正文/, '正文');
    click('保存草稿');
    expect(await screen.findByText('本期已有这项公开，请修改原稿或提交更正')).toBeDefined();
    // The server named the field: the message sits at 公开期次, which is marked invalid.
    expect(screen.getByLabelText(/公开期次/).getAttribute('aria-invalid')).toBe('true');
  });

  it('tells a resident who is not signed in how to ask', async () => {
    const created = await t.inject({
      as: users.cadre,
      method: 'POST',
      url: '/items',
      payload: {
        catalogueKey: 'village-general',
        period: '2026-Q3',
        title: '三季度村务',
        body: '村规民约修订',
      },
    });
    const id = created.json().id;
    for (const [as, step, payload] of [
      [users.cadre, 'submit', {}],
      [users.supervisor, 'approve', {}],
      [users.cadre, 'council', { meetingDate: '2026-11-02' }],
      [users.cadre, 'publish', {}],
    ] as const) {
      await t.inject({ as, method: 'POST', url: `/items/${id}/${step}`, payload });
    }
    renderWithHost(<AffairsPage path="/" />, {
      capabilities: CAPS,
      user: null,
      module: serverHandler(t, { village: '330521107201', user: null }),
    });
    fireEvent.click(await screen.findByText('三季度村务'));
    expect(await screen.findByText('登录后可以对公开内容提问')).toBeDefined();
    expect(screen.queryByLabelText(/您的问题/)).toBeNull();
    await waitFor(() => expect(screen.getByText('村规民约修订')).toBeDefined());
  });
});

describe('catalogue and answer limit', () => {
  it('a cadre adds a village item, which the draft form then offers', async () => {
    renderWithHost(<AffairsCadre path="/" />, {
      capabilities: CAPS,
      user: host('cadre', 'c1'),
      module: serverHandler(t, users.cadre),
    });
    click('公开目录');
    expect(await screen.findByText('低保对象名单（村务）')).toBeDefined();
    type(/^事项名称/, '民宿分红名单');
    type(/^依据/, '仙潭村村规民约第五条');
    type(/^负责人或部门/, '村股份经济合作社');
    fireEvent.click(screen.getByLabelText(/名单中隐去姓名/));
    click('增加事项');
    expect(await screen.findByText('已增加“民宿分红名单”')).toBeDefined();
    expect(await screen.findByText('民宿分红名单（村务）')).toBeDefined();
    const stored = (await t.inject({ as: users.cadre, url: '/catalogue' })).json().items;
    expect(stored.find((i: { title: string }) => i.title === '民宿分红名单')).toMatchObject({
      scope: '330521107201',
      maskNames: true,
      cadence: 'quarterly',
    });
    click('起草公开');
    expect(await screen.findByRole('option', { name: /民宿分红名单/ })).toBeDefined();
  });

  it('a county admin sets the answer limit; a cadre only sees it', async () => {
    renderWithHost(<AffairsCadre path="/" />, {
      capabilities: CAPS,
      user: host('county', 'k1'),
      module: serverHandler(t, users.county),
    });
    click('村民提问');
    expect(await screen.findByText('本村村民提问的答复期限：10 天')).toBeDefined();
    type(/省或县区划代码/, '330000');
    type(/答复期限（天/, '7');
    click('保存答复期限');
    expect(await screen.findByText('只能设置本级（本省、本县或本村）的事项')).toBeDefined();
    type(/省或县区划代码/, '330521');
    click('保存答复期限');
    expect(await screen.findByText('本村村民提问的答复期限：7 天')).toBeDefined();
    cleanup();
    renderWithHost(<AffairsCadre path="/" />, {
      capabilities: CAPS,
      user: host('cadre', 'c1'),
      module: serverHandler(t, users.cadre),
    });
    click('村民提问');
    expect(await screen.findByText('本村村民提问的答复期限：7 天')).toBeDefined();
    expect(screen.queryByRole('button', { name: '保存答复期限' })).toBeNull();
  });
});
