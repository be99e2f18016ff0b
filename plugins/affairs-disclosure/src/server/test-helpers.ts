/**
 * Fixtures for the API tests: users, valid personal numbers, rosters as XLSX and CSV, a fresh module per
 * test, the states a refused call starts from, and the check behind every bad-input table.
 */

import { crc32, deflateRawSync } from 'node:zlib';
import type { ModuleUser } from '@cunmen/module-api';
import {
  checkRefusal,
  createModuleTestApp,
  eachTestApp,
  type ModuleTestApp,
  type Refusal,
  refusal,
  testUser,
} from '@cunmen/module-api/testing';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeEach, expect } from 'vitest';
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

/** A zip of the given parts, deflated, written by hand: uploads no spreadsheet program would make. */
export function handZip(parts: Record<string, Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(parts)) {
    const packed = deflateRawSync(data, { level: 9 });
    const fields = (head: Buffer, at: number) => {
      head.writeUInt16LE(8, at); // deflate
      head.writeUInt32LE(crc32(data), at + 6);
      head.writeUInt32LE(packed.length, at + 10);
      head.writeUInt32LE(data.length, at + 14);
      head.writeUInt16LE(Buffer.byteLength(name), at + 18);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    fields(local, 8);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    fields(central, 10);
    central.writeUInt32LE(offset, 42);
    const entry = Buffer.concat([local, Buffer.from(name), packed]);
    locals.push(entry);
    centrals.push(Buffer.concat([central, Buffer.from(name)]));
    offset += entry.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length, 8);
  end.writeUInt16LE(centrals.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const workbookParts = (sheet: string, extra: Record<string, Buffer> = {}) =>
  handZip({
    '[Content_Types].xml': Buffer.from('<?xml version="1.0"?><Types/>'),
    'xl/workbook.xml': Buffer.from('<?xml version="1.0"?><workbook><sheets/></workbook>'),
    'xl/worksheets/sheet1.xml': Buffer.from(
      `<?xml version="1.0"?><worksheet><sheetData>${sheet}</sheetData></worksheet>`,
    ),
    ...extra,
  });

/** An .xlsx of 60,000 one-cell rows (past the 50,000-row limit), 100 KB packed. */
export const tooManyRowsXlsx = () =>
  workbookParts(
    Array.from(
      { length: 60_000 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>张三</t></is></c></row>`,
    ).join(''),
  );

/** An .xlsx whose shared strings unpack to 70 MiB from about 70 KB: a zip bomb. */
export const zipBombXlsx = () =>
  workbookParts('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', {
    'xl/sharedStrings.xml': Buffer.alloc(70 * 1024 * 1024, 0x30),
  });

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

/** A new module (empty database, fresh clock) in every test of the file that calls this. */
export const freshApp = () => eachTestApp(setup, { beforeEach, afterEach, afterAll });

/** Every table of the module: a refused call must leave all of them (and the audit log) as they were. */
export const TABLES = Object.values(T);

/** Checks one bad-input row: the exact status, code and field, a zh-CN message, nothing changed. */
export async function expectRefused(t: ModuleTestApp, row: Refusal<Ids>): Promise<void> {
  const { got, want } = await checkRefusal(t, TABLES, row);
  expect(got).toEqual(want);
}

/** A village-category catalogue item as a county or village adds it. */
export const catalogueItem = (title: string, basis: string, cadence = 'quarterly') => ({
  category: 'village',
  title,
  basis,
  cadence,
  deadline: { kind: 'after-period', day: 15 },
  owner: '村委会',
});

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

/* ---------------------------------------------------------------- the states a refused call starts from */

export type Ids = Record<string, string>;

async function ok(res: Promise<LightMyRequestResponse>, status = 200): Promise<LightMyRequestResponse> {
  const done = await res;
  if (done.statusCode !== status) throw new Error(`expected ${status}: ${done.body}`);
  return done;
}

const step = (t: ModuleTestApp, as: ModuleUser, id: string, action: string, payload: object = {}) =>
  ok(t.inject({ as, method: 'POST', url: `/items/${id}/${action}`, payload }));

async function draftOf(t: ModuleTestApp, payload: object): Promise<Ids> {
  const res = await ok(t.inject({ as: users.cadre, method: 'POST', url: '/items', payload }), 201);
  return { id: res.json().id as string };
}

/** Each returns the ids the row's call names (`:id`, `:aid`, `:qid`, `:key`). */
export const given = {
  /** A finance draft of 仙潭村 by `users.cadre`. */
  draft: (t: ModuleTestApp) => draftOf(t, financeDraft),
  /** A roster draft (lists may be attached). */
  rosterDraft: (t: ModuleTestApp) => draftOf(t, rosterDraft),
  /** The finance draft submitted for review. */
  async submitted(t: ModuleTestApp): Promise<Ids> {
    const ids = await given.draft(t);
    await step(t, users.cadre, ids.id as string, 'submit');
    return ids;
  },
  /** Submitted and approved by the supervision committee; the 两委 meeting is not recorded yet. */
  async approved(t: ModuleTestApp): Promise<Ids> {
    const ids = await given.submitted(t);
    await step(t, users.supervisor, ids.id as string, 'approve');
    return ids;
  },
  /** A published roster disclosure. */
  published: async (t: ModuleTestApp): Promise<Ids> => ({ id: await publish(t, rosterDraft) }),
  /** A published roster disclosure with its XLSX roster attached (`:aid`). */
  async publishedWithRoster(t: ModuleTestApp): Promise<Ids> {
    const id = await publish(t, rosterDraft, true);
    const aid = (await t.inject({ as: users.cadre, url: `/items/${id}` })).json().attachments[0].id;
    return { id, aid };
  },
  /** A resident's open question (`:qid`) on a published disclosure. */
  async question(t: ModuleTestApp): Promise<Ids> {
    const { id } = await given.published(t);
    const url = `/published/${id}/questions`;
    const payload = { text: '名单上第二户为什么有两人？' };
    const q = await ok(t.inject({ as: users.resident, method: 'POST', url, payload }), 201);
    return { id: id as string, qid: q.json().id as string };
  },
  /** The question answered by `users.cadre`. */
  async answered(t: ModuleTestApp): Promise<Ids> {
    const ids = await given.question(t);
    const payload = { text: '该户为两人户，已核实。' };
    await ok(t.inject({ as: users.cadre, method: 'POST', url: `/questions/${ids.qid}/answer`, payload }));
    return ids;
  },
  /** A roster draft with the 10 attachments allowed. */
  async fullDraft(t: ModuleTestApp): Promise<Ids> {
    const ids = await given.rosterDraft(t);
    const xlsx = await rosterXlsx();
    for (let i = 0; i < 10; i++) await ok(upload(t, ids.id as string, `名单${i}.xlsx`, xlsx), 201);
    return ids;
  },
};

/** A bad-input row that uploads `name` with these bytes (or a getter of them) to the item `:id`. */
export const uploadRow = (
  given: (t: ModuleTestApp) => Promise<Ids>,
  as: ModuleUser,
  name: string,
  bytes: Buffer | (() => Buffer),
  want: string,
  query = '',
): Refusal<Ids> =>
  refusal(
    given,
    as,
    `POST /items/:id/attachments${query}`,
    typeof bytes === 'function' ? () => bytes() : bytes,
    want,
    {
      'content-type': 'application/octet-stream',
      'x-filename': encodeURIComponent(name),
    },
  );
