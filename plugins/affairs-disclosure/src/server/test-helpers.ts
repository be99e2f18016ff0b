/** Fixtures for the API tests: users, valid personal numbers, rosters as XLSX and CSV, a DB snapshot. */
import { createModuleTestApp, type ModuleTestApp, testUser } from '@cunmen/module-api/testing';
import ExcelJS from 'exceljs';
import { affairsDisclosureModule } from './index.js';
import { T } from './migrations.js';

export const XT = '330521107201'; // 仙潭村
export const WS = '330521003201'; // 五四村

export const users = {
  cadre: testUser('village-cadre', XT, { name: 'cadre-xt' }),
  cadre2: testUser('village-cadre', XT, { name: 'cadre2-xt' }),
  supervisor: testUser('supervisor', XT, { name: 'supervisor-xt' }),
  resident: testUser('resident', XT, { name: 'resident-xt' }),
  merchant: testUser('merchant', XT, { name: 'merchant-xt' }),
  cadreWs: testUser('village-cadre', WS, { name: 'cadre-ws' }),
  supervisorWs: testUser('supervisor', WS, { name: 'supervisor-ws' }),
  residentWs: testUser('resident', WS, { name: 'resident-ws' }),
  township: testUser('township-staff', '330521107', { name: 'township-mgs' }),
  townshipOther: testUser('township-staff', '330521003', { name: 'township-fx' }),
  county: testUser('county-admin', '330521', { name: 'county-dq' }),
  countyOther: testUser('county-admin', '370323', { name: 'county-yy' }),
  province: testUser('province-maintainer', '330000', { name: 'province-zj' }),
};

/** An 18-digit ID-card number with a valid check digit. */
export function idCard(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * (w[i] ?? 0), 0);
  return first17 + '10X98765432'[sum % 11];
}

/** A bank card number with a valid Luhn digit. */
export function bankCard(prefix: string): string {
  const digits = [...prefix].map(Number);
  let sum = 0;
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = digits[i] ?? 0;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return prefix + String((10 - (sum % 10)) % 10);
}

export const ID1 = idCard('33052119500101123');
export const ID2 = idCard('33052119621212456');
export const MOBILE = '13857212345';
export const CARD = bankCard('622848001234567890');

export const ROSTER = [
  ['序号', '姓名', '身份证号', '联系电话', '银行卡号', '保障人数', '月保障金（元）'],
  ['1', '张三丰', ID1, MOBILE, CARD, '2', '1460'],
  ['2', '李秀英', ID2, '13905721234', '', '1', '730'],
];

export async function rosterXlsx(rows: string[][] = ROSTER): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('低保名单').addRows(rows);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const rosterCsv = (rows: string[][] = ROSTER) =>
  Buffer.from(`${rows.map((r) => r.join(',')).join('\n')}\n`, 'utf8');

export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201ffa0f7a3f90000000049454e44ae426082',
  'hex',
);
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

export async function setup(): Promise<ModuleTestApp> {
  return createModuleTestApp(affairsDisclosureModule);
}

/** Every row of every table: compared before and after a refused call to prove nothing changed. */
export async function snapshot(t: ModuleTestApp): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const table of Object.values(T))
    out[table] = await t.context.db.selectFrom(table).selectAll().execute();
  out.audit = (await t.audit.list()).map((e: { action: string }) => e.action);
  return JSON.stringify(out);
}

export const finance = {
  openingBalance: 1_000_000,
  rows: [
    { subject: '村集体房屋租金', income: 500_000, expenditure: 0 },
    { subject: '道路保洁费', income: 0, expenditure: 120_000 },
  ],
  closingBalance: 1_380_000,
};

export const financeDraft = {
  catalogueKey: 'finance-ledger',
  period: '2026-10',
  title: '2026年10月财务收支明细',
  body: `# 十月收支\n本月收支如下，经村务监督委员会审核。\n- 租金收入 5000 元\n- 保洁支出 1200 元\n联系人电话 ${MOBILE}`,
  finance,
};

export const rosterDraft = {
  catalogueKey: 'dibao-roster',
  period: '2026-Q3',
  title: '2026年第三季度低保对象名单',
  body: `本季度低保对象名单见附件。户主 张三丰 身份证 ${ID1}`,
};

export function upload(
  t: ModuleTestApp,
  id: string,
  filename: string,
  bytes: Buffer,
  as = users.cadre,
  query = '',
) {
  return t.inject({
    as,
    method: 'POST',
    url: `/items/${id}/attachments${query}`,
    payload: bytes,
    headers: { 'content-type': 'application/octet-stream', 'x-filename': encodeURIComponent(filename) },
  });
}

/** Draft → submit → supervisor approves → 两委 recorded → published; returns the item id. */
export async function publish(
  t: ModuleTestApp,
  draft: object = financeDraft,
  withRoster = false,
): Promise<string> {
  const created = await t.inject({ as: users.cadre, method: 'POST', url: '/items', payload: draft });
  if (created.statusCode !== 201) throw new Error(created.body);
  const id = created.json().id as string;
  if (withRoster) {
    const up = await upload(t, id, '低保名单.xlsx', await rosterXlsx());
    if (up.statusCode !== 201) throw new Error(up.body);
  }
  for (const [as, url, payload] of [
    [users.cadre, 'submit', {}],
    [users.supervisor, 'approve', {}],
    [users.cadre, 'council', { meetingDate: '2026-11-02' }],
    [users.cadre, 'publish', {}],
  ] as const) {
    const res = await t.inject({ as, method: 'POST', url: `/items/${id}/${url}`, payload });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.body}`);
  }
  return id;
}
