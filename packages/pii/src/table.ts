/**
 * De-identifying a table (a roster from a spreadsheet): every cell through `maskPersonalData`, name
 * columns through `maskName`, and the names found there masked in every other cell of the table too.
 */
import { isNameHeader, isNumberHeader, normalizeHeader } from './headers.js';
import { maskText } from './mask.js';
import { maskNameList, NameMatcher, namesInCell } from './names.js';

export type Cell = string | number | boolean | null | undefined | Date;

export interface MaskTableOptions {
  /**
   * Whether the table has a header row. `true` (the default): the first of the first 10 rows that holds
   * a name or number header (rosters often start with a title row), else the first row. A number: that
   * row (0-based). `false`: none, every row is data.
   */
  header?: boolean | number;
  /**
   * Columns masked with `maskName`: `'auto'` (the default) takes those whose header is a name header
   * (姓名, 户主, 户主姓名, 申请人, 领取人, 收款人, 联系人, 户名, 家庭成员, 监护人 … and any …姓名); or
   * 0-based indexes and header texts. The names in them are masked in every cell of the table.
   */
  nameColumns?: 'auto' | readonly (number | string)[];
  /**
   * Columns whose cells have every digit masked when they hold 6 or more (身份证号, 联系电话, 银行卡号,
   * 账号 …), so that a mistyped number, which no check recognises, is not published either. `'auto'` (the
   * default) by header, or indexes and header texts; `[]` for none.
   */
  numberColumns?: 'auto' | readonly (number | string)[];
  /** More names to mask everywhere (for example the roster's names when masking a second file). */
  names?: readonly string[];
}

export interface MaskedTable {
  rows: string[][];
  /** How many cells changed. */
  masked: number;
  headerRow: number | null;
  nameColumns: number[];
  numberColumns: number[];
}

const HEADER_SEARCH_ROWS = 10;

/** The text a cell shows: numbers as their digits (never `1.3812345678e+10`), dates as YYYY-MM-DD. */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && Math.abs(cell) < 1e21) return BigInt(cell).toString();
    return String(cell);
  }
  if (Number.isNaN(cell.getTime())) return '';
  const iso = cell.toISOString();
  const time = iso.slice(11, 19);
  return time === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}

/**
 * An integer beyond 2^53 has lost its last digits (a spreadsheet stores a bank-card or ID number typed
 * as a number with 15 significant digits), so no check can recognise it; the leading digits are still
 * real. No amount is that large: mask all of it.
 */
function isImpreciseNumber(cell: Cell): cell is number {
  return typeof cell === 'number' && Number.isInteger(cell) && Math.abs(cell) > Number.MAX_SAFE_INTEGER;
}

function findHeaderRow(texts: readonly string[][], options: MaskTableOptions): number | null {
  const header = options.header ?? true;
  if (header === false) return null;
  if (typeof header === 'number') return header >= 0 && header < texts.length ? header : null;
  const searched = Math.min(HEADER_SEARCH_ROWS, texts.length);
  for (let r = 0; r < searched; r++) {
    if (texts[r]?.some((t) => isNameHeader(t) || isNumberHeader(t))) return r;
  }
  return texts.length > 0 ? 0 : null;
}

function resolveColumns(
  spec: 'auto' | readonly (number | string)[],
  headers: readonly string[] | undefined,
  test: (header: string) => boolean,
): number[] {
  if (!headers && spec === 'auto') return [];
  const columns = new Set<number>();
  if (spec === 'auto') {
    headers?.forEach((h, c) => {
      if (test(h)) columns.add(c);
    });
  } else {
    for (const item of spec) {
      if (typeof item === 'number') {
        if (Number.isInteger(item) && item >= 0) columns.add(item);
      } else {
        const wanted = normalizeHeader(item);
        headers?.forEach((h, c) => {
          if (normalizeHeader(h) === wanted) columns.add(c);
        });
      }
    }
  }
  return [...columns].sort((a, b) => a - b);
}

interface Layout {
  headerRow: number | null;
  nameColumns: number[];
  numberColumns: number[];
}

function layoutOf(texts: readonly string[][], options: MaskTableOptions): Layout {
  const headerRow = findHeaderRow(texts, options);
  const headers = headerRow === null ? undefined : texts[headerRow];
  const nameColumns = resolveColumns(options.nameColumns ?? 'auto', headers, isNameHeader);
  const numberColumns = resolveColumns(options.numberColumns ?? 'auto', headers, isNumberHeader).filter(
    (c) => !nameColumns.includes(c),
  );
  return { headerRow, nameColumns, numberColumns };
}

const isDataRow = (layout: Layout, r: number) => layout.headerRow === null || r > layout.headerRow;

/**
 * Several tables masked together (the sheets of one workbook): the names of any one are masked in all.
 * Returns the matcher as well, for the workbook's sheet names and file name.
 */
export function maskTables(
  tables: readonly (readonly (readonly Cell[])[])[],
  options: MaskTableOptions = {},
): { tables: MaskedTable[]; matcher: NameMatcher } {
  // Array.from, not map: a sparse row (holes where a spreadsheet had no cell) becomes empty strings.
  const texts = tables.map((rows) => Array.from(rows, (row) => Array.from(row ?? [], cellText)));
  const layouts = texts.map((t) => layoutOf(t, options));

  const names = new Set<string>(options.names ?? []);
  texts.forEach((rows, t) => {
    const layout = layouts[t];
    if (!layout) return;
    rows.forEach((row, r) => {
      if (!isDataRow(layout, r)) return;
      for (const c of layout.nameColumns) {
        const text = row[c];
        if (text && !isNameHeader(text)) for (const name of namesInCell(text)) names.add(name);
      }
    });
  });
  const matcher = new NameMatcher(names);

  const masked = tables.map((rows, t): MaskedTable => {
    const layout = layouts[t] ?? { headerRow: null, nameColumns: [], numberColumns: [] };
    const rowTexts = texts[t] ?? [];
    let count = 0;
    const out = Array.from(rows, (row, r) =>
      Array.from(row ?? [], (cell, c) => {
        const text = rowTexts[r]?.[c] ?? '';
        const data = isDataRow(layout, r);
        let result: string;
        if (isImpreciseNumber(cell)) {
          result = '*'.repeat(text.replace('-', '').length);
        } else if (data && layout.nameColumns.includes(c) && !isNameHeader(text)) {
          // A repeated header row (姓名 on every printed page) stays; anything else is names.
          result = maskNameList(maskText(text, undefined));
        } else {
          result = maskText(text, matcher, data && layout.numberColumns.includes(c));
        }
        if (result !== text) count++;
        return result;
      }),
    );
    return { rows: out, masked: count, ...layout };
  });
  return { tables: masked, matcher };
}

/**
 * A de-identified copy of `rows` as text: every cell through `maskPersonalData`, name columns masked
 * with `maskName` and their names masked in every other cell, all digits of ID/phone/account columns
 * masked. `masked` counts the cells that changed.
 */
export function maskTable(rows: readonly (readonly Cell[])[], options: MaskTableOptions = {}): MaskedTable {
  const [table] = maskTables([rows], options).tables;
  return table ?? { rows: [], masked: 0, headerRow: null, nameColumns: [], numberColumns: [] };
}
