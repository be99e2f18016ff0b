/**
 * De-identifying an .xlsx workbook. Everything a cell can hold is read — strings, shared strings, rich
 * text, numbers, dates, hyperlink text, a formula's cached result — on every sheet, hidden ones too,
 * and masked as tables that share their names. The result is a NEW workbook holding only the masked
 * values (and merged ranges and column widths, which hold no data): no formulas, comments, hyperlink
 * targets, images, defined names, data validation lists, document properties such as the author, or
 * hidden sheets. Copying the original and overwriting cells would keep all of those.
 *
 * An upload is read once (`readXlsx`): size, then the zip's unpacked size (zip bombs), then rows and
 * columns on a stream (./xlsx-limits.ts), and only then the workbook is built. A caller that needs the
 * original cells too (a list's names) takes them from the same read.
 */
import type ExcelJS from 'exceljs';
import {
  legacyWorkbook,
  notXlsx,
  tooLargeBytes,
  tooLargeUnpacked,
  tooManyColumns,
  tooManyRows,
} from './errors.js';
import { loadExcelJs } from './excel.js';
import { type FileLimits, limitsOf } from './limits.js';
import { maskText } from './mask.js';
import type { NameMatcher } from './names.js';
import { type Cell, cellText, type MaskTableOptions, maskTables } from './table.js';
import { checkSheetLimits } from './xlsx-limits.js';
import { checkZip, isZip, ZipTooLargeError } from './zip.js';

export interface MaskXlsxOptions extends MaskTableOptions, FileLimits {
  /**
   * `'drop'` (the default): hidden and very hidden sheets are read (their names are masked everywhere)
   * but left out of the output — they are working data nobody meant to publish. `'include'`: written,
   * masked, as ordinary visible sheets.
   */
  hiddenSheets?: 'drop' | 'include';
}

export interface MaskedSheet {
  /** The sheet's name, masked. */
  name: string;
  rows: string[][];
}

export interface MaskedXlsx {
  xlsx: Buffer;
  /** The sheets written, in order. */
  sheets: MaskedSheet[];
  /** How many cells changed. */
  masked: number;
  /** What the original held that the output does not, for the cadre's preview. */
  removed: { hiddenSheets: number; formulas: number; comments: number; images: number };
}

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** An OLE compound file: an old .xls, or an encrypted .xlsx (Excel wraps those in OLE). */
export function isOleFile(bytes: Uint8Array): boolean {
  return OLE_SIGNATURE.every((b, i) => bytes[i] === b);
}

type ExcelValue = ExcelJS.CellValue;

/** A cell's value as a table cell: what Excel shows, without the formula or link behind it. */
function plainValue(value: ExcelValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((run) => run.text ?? '').join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result === undefined || result === null) return null;
    if (typeof result === 'object' && !(result instanceof Date)) {
      return 'error' in result ? result.error : null;
    }
    return result;
  }
  if ('hyperlink' in value) {
    const text: unknown = value.text;
    // exceljs gives a hyperlink's text as rich text when it is formatted.
    if (typeof text === 'object' && text !== null && 'richText' in text) {
      return plainValue(text as ExcelValue);
    }
    return typeof text === 'string' ? text : null;
  }
  if ('error' in value) return value.error;
  return null;
}

interface ReadSheet {
  name: string;
  hidden: boolean;
  rows: Cell[][];
  merges: string[];
  widths: (number | undefined)[];
}

async function loadWorkbook(bytes: Uint8Array, limits: Required<FileLimits>): Promise<ExcelJS.Workbook> {
  if (isOleFile(bytes)) throw legacyWorkbook();
  if (!isZip(bytes)) throw notXlsx();
  let names: Set<string>;
  try {
    names = checkZip(bytes, limits.maxUnpackedBytes);
  } catch (err) {
    if (err instanceof ZipTooLargeError) throw tooLargeUnpacked(limits.maxUnpackedBytes);
    throw notXlsx();
  }
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) throw notXlsx();
  await checkSheetLimits(bytes, limits);
  const workbook = new (await loadExcelJs()).Workbook();
  try {
    // exceljs types its input as its own ArrayBuffer-like `Buffer`; at run time it takes a Node Buffer.
    const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    await workbook.xlsx.load(input as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  } catch {
    // exceljs and its zip library throw whatever they meet, with XML in the message: say it plainly.
    throw notXlsx();
  }
  return workbook;
}

function readSheets(
  { ValueType }: typeof ExcelJS,
  workbook: ExcelJS.Workbook,
  limits: Required<FileLimits>,
  removed: Pick<MaskedXlsx['removed'], 'formulas' | 'comments' | 'images'>,
) {
  const sheets: ReadSheet[] = [];
  let totalRows = 0;
  for (const ws of workbook.worksheets) {
    const rows: Cell[][] = [];
    let lastRow = 0;
    let lastColumn = 0;
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.note) removed.comments++;
        // A merged range's other cells repeat the first cell's value: keep it once.
        if (cell.type === ValueType.Merge) return;
        if (cell.type === ValueType.Formula) removed.formulas++;
        const value = plainValue(cell.value);
        if (value === null || value === '') return;
        if (c > limits.maxColumns) throw tooManyColumns(limits.maxColumns);
        if (totalRows + r > limits.maxRows) throw tooManyRows(limits.maxRows);
        let target = rows[r - 1];
        if (!target) {
          target = [];
          rows[r - 1] = target;
        }
        target[c - 1] = value;
        lastRow = Math.max(lastRow, r);
        lastColumn = Math.max(lastColumn, c);
      });
    });
    totalRows += lastRow;
    removed.images += ws.getImages().length;
    const widths: (number | undefined)[] = [];
    for (let c = 1; c <= lastColumn; c++) widths.push(ws.getColumn(c).width);
    sheets.push({
      name: ws.name,
      hidden: ws.state !== 'visible',
      rows: Array.from({ length: lastRow }, (_, r) =>
        Array.from({ length: lastColumn }, (_, c) => rows[r]?.[c] ?? null),
      ),
      merges: (ws.model.merges ?? []).filter((m): m is string => typeof m === 'string'),
      widths,
    });
  }
  return sheets;
}

/** Excel refuses []:*?/\ in a sheet name and more than 31 characters; `*` becomes the full-width ＊. */
function sheetName(masked: string, taken: Set<string>): string {
  let base = masked
    .replace(/\*/gu, '＊')
    .replace(/[[\]:?/\\]/gu, '_')
    .replace(/^'+|'+$/gu, '')
    .trim();
  base = Array.from(base).slice(0, 31).join('') || 'Sheet';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name =
      Array.from(base)
        .slice(0, 31 - suffix.length)
        .join('') + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}

/** An .xlsx upload read once, within its limits: each sheet's original cells. */
export interface ReadXlsx {
  readonly kind: 'read-xlsx';
  /** Every sheet's rows of cell text (rows without a value left out), hidden sheets too. */
  tables(): string[][][];
}

interface ReadXlsxState extends ReadXlsx {
  sheets: ReadSheet[];
  removed: Pick<MaskedXlsx['removed'], 'formulas' | 'comments' | 'images'>;
}

/**
 * Reads an .xlsx upload within `limits`: throws `PiiError` (`PII_ERR_NOT_XLSX`, `PII_ERR_TOO_LARGE`)
 * before building anything for a file it will not read.
 */
export async function readXlsx(bytes: Uint8Array, options: FileLimits = {}): Promise<ReadXlsx> {
  const limits = limitsOf(options);
  if (bytes.byteLength > limits.maxBytes) throw tooLargeBytes(limits.maxBytes);
  const workbook = await loadWorkbook(bytes, limits);
  const removed = { formulas: 0, comments: 0, images: 0 };
  const sheets = readSheets(await loadExcelJs(), workbook, limits, removed);
  const state: ReadXlsxState = {
    kind: 'read-xlsx',
    sheets,
    removed,
    tables: () =>
      sheets.map((s) =>
        s.rows.map((r) => r.map((c) => cellText(c).trim())).filter((r) => r.some((c) => c !== '')),
      ),
  };
  return state;
}

export async function maskXlsxDetailed(
  input: Uint8Array | ReadXlsx,
  options: MaskXlsxOptions = {},
): Promise<MaskedXlsx & { matcher: NameMatcher }> {
  const { sheets: read, removed: counted } = (
    input instanceof Uint8Array ? await readXlsx(input, options) : input
  ) as ReadXlsxState;
  const removed = { hiddenSheets: 0, ...counted };
  const { tables, matcher } = maskTables(
    read.map((s) => s.rows),
    options,
  );

  const out = new (await loadExcelJs()).Workbook();
  out.creator = 'Cunmen';
  out.lastModifiedBy = 'Cunmen';
  const sheets: MaskedSheet[] = [];
  const taken = new Set<string>();
  let masked = 0;
  read.forEach((sheet, i) => {
    const table = tables[i];
    if (!table) return;
    if (sheet.hidden && (options.hiddenSheets ?? 'drop') === 'drop') {
      removed.hiddenSheets++;
      return;
    }
    masked += table.masked;
    const name = sheetName(maskText(sheet.name, matcher), taken);
    const ws = out.addWorksheet(name);
    table.rows.forEach((row, r) => {
      // An unchanged number or boolean stays one, so amounts still add up in Excel.
      const values = row.map((text, c) => {
        const original = sheet.rows[r]?.[c];
        if ((typeof original === 'number' || typeof original === 'boolean') && cellText(original) === text) {
          return original;
        }
        return text === '' ? null : text;
      });
      ws.addRow(values);
    });
    sheet.widths.forEach((width, c) => {
      if (width !== undefined) ws.getColumn(c + 1).width = width;
    });
    for (const range of sheet.merges) {
      try {
        ws.mergeCells(range);
      } catch {
        // A merge exceljs cannot redo (overlapping ranges in a hand-edited file) is only layout.
      }
    }
    sheets.push({ name, rows: table.rows });
  });
  if (sheets.length === 0) out.addWorksheet('Sheet1');
  const xlsx = Buffer.from(await out.xlsx.writeBuffer());
  return { xlsx, sheets, masked, removed, matcher };
}

/**
 * A de-identified copy of an .xlsx upload (or of one `readXlsx` read): a new workbook of masked values
 * only. Throws `PiiError` (`PII_ERR_NOT_XLSX`, `PII_ERR_TOO_LARGE`) for a file it will not read.
 */
export async function maskXlsx(
  input: Uint8Array | ReadXlsx,
  options: MaskXlsxOptions = {},
): Promise<MaskedXlsx> {
  const { xlsx, sheets, masked, removed } = await maskXlsxDetailed(input, options);
  return { xlsx, sheets, masked, removed };
}
