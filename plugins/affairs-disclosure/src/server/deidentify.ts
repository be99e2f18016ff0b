/**
 * Everything residents may see goes through here: text, table cells, XLSX and CSV lists, all masked by
 * @cunmen/pii on the server. Lists of catalogue items with `maskNames` get their name columns masked
 * too. A last pass re-checks every value and masks any ID-card, mobile or bank-card number that an
 * earlier pass left (defence in depth: a leak here is the failure this module exists to prevent).
 */
import { findPersonalData, isPiiError, maskCsv, maskPersonalData, maskXlsx, readXlsx } from '@cunmen/pii';
import type { MaskedSheet } from '../common/index.js';
import { affairsErrors, LIMITS } from '../common/index.js';

/** The kinds that must never reach a resident. */
export const SENSITIVE_KINDS = new Set(['id-card', 'id-card-suspect', 'mobile', 'bank-card']);

export interface MaskedText {
  text: string;
  masked: number;
}

function residual(text: string): string {
  return findPersonalData(text).some((f) => SENSITIVE_KINDS.has(f.kind)) ? maskPersonalData(text) : text;
}

/** Masks the numbers in `text` and, for items with `maskNames`, the names taken from its lists. */
export function maskText(text: string, names: readonly string[] = []): MaskedText {
  const masked =
    findPersonalData(text).length + names.filter((n) => n.length >= 2 && text.includes(n)).length;
  return { text: residual(maskPersonalData(text, names.length ? { names } : {})), masked };
}

/** A name column's header: 姓名, 户主, 申请人, 领取人, 收款人, 联系人, 户名, 家庭成员, 监护人, …姓名. */
const NAME_HEADER = /^(?:.*姓名|户主|申请人|领取人|收款人|联系人|户名|家庭成员|监护人)$/;
const isNameHeader = (cell: string) => NAME_HEADER.test(cell.replace(/[\s（）()*:：]/g, ''));

/** UTF-16 by its BOM, else UTF-8 when valid, else GB18030 (what Excel in China saves). */
function decode(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** The rows of a CSV upload as text, for finding its names (the masking reads it with @cunmen/pii). */
function csvTable(bytes: Buffer): string[][] {
  const lines = decode(bytes)
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const tab = lines[0]?.includes('\t') && !lines[0]?.includes(',');
  return lines.map((l) => l.split(tab ? '\t' : ',').map((c) => c.replace(/^"|"$/g, '').trim()));
}

/**
 * The names in the name columns (姓名, 户主 …) of an uploaded list's original tables, so that the text
 * of an item with `maskNames` can be masked with them too (a roster's 张三丰 in the body).
 */
export function namesInTables(tables: readonly string[][][]): string[] {
  const names = new Set<string>();
  for (const rows of tables) {
    const header = rows.slice(0, 10).findIndex((r) => r.some((c) => isNameHeader(c)));
    if (header < 0) continue;
    const columns = (rows[header] ?? []).flatMap((c, i) => (isNameHeader(c) ? [i] : []));
    for (const row of rows.slice(header + 1, header + 1 + LIMITS.listRows)) {
      for (const i of columns) {
        const v = row[i]?.trim() ?? '';
        if (v.length >= 2 && v.length <= 20 && !/\d/.test(v)) names.add(v);
      }
    }
  }
  return [...names];
}

export interface MaskedList {
  sheets: { name: string; rows: string[][] }[];
  masked: number;
  /** With `maskNames`: the names of the list's name columns (namesInTables), from the same read. */
  names: string[];
}

const finishRows = (rows: string[][]) =>
  rows.slice(0, LIMITS.listRows).map((r) => r.map((c) => residual(String(c ?? ''))));

/**
 * Parses and masks an XLSX or CSV list, once: the workbook is read within its limits (size, unpacked
 * size, rows and columns, checked before anything is built) and both the masking and the names come
 * from that one read. A PII error becomes this module's coded error (field `file`).
 */
export async function maskList(kind: 'xlsx' | 'csv', bytes: Buffer, maskNames: boolean): Promise<MaskedList> {
  try {
    const options = { nameColumns: maskNames ? ('auto' as const) : [], maxBytes: LIMITS.file[kind] };
    if (kind === 'csv') {
      const out = maskCsv(bytes, options);
      const names = maskNames ? namesInTables([csvTable(bytes)]) : [];
      return { sheets: [{ name: 'CSV', rows: finishRows(out.rows) }], masked: out.masked, names };
    }
    const read = await readXlsx(bytes, options);
    const out = await maskXlsx(read, options);
    return {
      sheets: out.sheets.map((s) => ({ name: residual(s.name), rows: finishRows(s.rows) })),
      masked: out.masked,
      names: maskNames ? namesInTables(read.tables()) : [],
    };
  } catch (err) {
    if (!isPiiError(err)) throw err;
    const code = err.code === 'PII_ERR_TOO_LARGE' ? 'AFFAIRS_ERR_FILE_TOO_LARGE' : 'AFFAIRS_ERR_FILE_CONTENT';
    throw affairsErrors.error(code, { field: 'file' });
  }
}

/** The first `limit` rows of each sheet for an answer; the rest are counted. */
export function previewSheets(sheets: { name: string; rows: string[][] }[], limit = 50): MaskedSheet[] {
  return sheets.map((s) => ({
    name: s.name,
    rows: s.rows.slice(0, limit),
    more: Math.max(0, s.rows.length - limit),
  }));
}
