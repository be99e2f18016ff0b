/**
 * Exports of a published revision, built only from its masked form: one XLSX (a sheet for the text,
 * one for the finance table, one per masked list) through exceljs, or a CSV of its tables.
 */
import { loadExcelJs } from '@cunmen/pii';
import { type FinanceTable, financeTotals, formatYuan, type PublishedView } from '../common/index.js';

function financeRows(f: FinanceTable): string[][] {
  const t = financeTotals(f);
  return [
    ['科目', '收入（元）', '支出（元）'],
    ['期初余额', formatYuan(f.openingBalance), ''],
    ...f.rows.map((r) => [r.subject, formatYuan(r.income), formatYuan(r.expenditure)]),
    ['合计', formatYuan(t.income), formatYuan(t.expenditure)],
    ['期末余额', formatYuan(f.closingBalance), ''],
  ];
}

function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 28) || '表';
  let n = base;
  for (let i = 2; used.has(n); i++) n = `${base.slice(0, 25)}(${i})`;
  used.add(n);
  return n;
}

export async function exportXlsx(
  view: PublishedView,
  lists: { name: string; rows: string[][] }[][],
): Promise<Buffer> {
  const wb = new (await loadExcelJs()).Workbook();
  wb.creator = 'Cunmen 三务公开';
  const used = new Set<string>();
  const info = wb.addWorksheet(sheetName('公开内容', used));
  info.addRows([
    ['标题', view.title],
    ['公开事项', view.catalogueTitle],
    ['依据', view.basis],
    ['期次', view.period],
    ['发布时间', view.publishedAt],
    ['版本', String(view.revision)],
    [],
    ...view.blocks.flatMap((b) => (b.type === 'list' ? b.items.map((i) => [`• ${i}`]) : [[b.text]])),
  ]);
  info.getColumn(1).width = 16;
  info.getColumn(2).width = 60;
  if (view.finance) wb.addWorksheet(sheetName('收支明细', used)).addRows(financeRows(view.finance));
  view.attachments.forEach((a, i) => {
    for (const sheet of lists[i] ?? []) {
      wb.addWorksheet(sheetName(`${a.filename.replace(/\.[a-z]+$/i, '')}-${sheet.name}`, used)).addRows(
        sheet.rows,
      );
    }
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A text that a spreadsheet would run as a formula (=, +, @, or - not starting a number). */
const FORMULA = /^(?:[=+@\t\r]|-(?!\d))/;

const csvCell = (c: string) => {
  const safe = FORMULA.test(c) ? `'${c}` : c;
  return /[",\n\r]/.test(safe) || safe !== c ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function toCsv(rows: string[][]): string {
  return `\ufeff${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export function exportCsv(view: PublishedView, lists: { name: string; rows: string[][] }[][]): string {
  const rows: string[][] = [[view.title], [view.catalogueTitle, view.period]];
  if (view.finance) rows.push([], ...financeRows(view.finance));
  view.attachments.forEach((a, i) => {
    for (const sheet of lists[i] ?? []) rows.push([], [`${a.filename} · ${sheet.name}`], ...sheet.rows);
  });
  return toCsv(rows);
}
