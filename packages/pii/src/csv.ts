/**
 * De-identifying a CSV file. Excel in China saves "CSV" as GBK unless told otherwise, newer Excel and
 * WPS as UTF-8 with a BOM, "Unicode text" as UTF-16 with tabs: all are read. The output is always UTF-8
 * with a BOM and CRLF line ends, which every Excel opens with the Chinese intact.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { badCsv, tooLargeBytes, tooManyColumns, tooManyRows } from './errors.js';
import { type FileLimits, limitsOf } from './limits.js';
import type { NameMatcher } from './names.js';
import { type MaskTableOptions, maskTables } from './table.js';

export type CsvEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface MaskCsvOptions extends MaskTableOptions, FileLimits {
  /** The field delimiter; by default a tab for UTF-16 files and when the first line has tabs but no commas, else a comma. */
  delimiter?: string;
}

export interface MaskedCsv {
  /** The masked file as text, starting with a BOM (U+FEFF): write it as UTF-8. */
  csv: string;
  rows: string[][];
  masked: number;
  /** How the upload was encoded. */
  encoding: CsvEncoding;
}

/** UTF-16 by its BOM, else UTF-8 if the bytes are valid UTF-8 (a BOM is dropped), else GB18030 (a superset of GBK). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

function guessDelimiter(text: string, encoding: CsvEncoding): string {
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return '\t';
  const firstLine = text.slice(0, text.search(/\r?\n|$/u));
  return firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
}

export function maskCsvDetailed(
  bytes: Uint8Array,
  options: MaskCsvOptions = {},
): MaskedCsv & { matcher: NameMatcher } {
  const limits = limitsOf(options);
  if (bytes.byteLength > limits.maxBytes) throw tooLargeBytes(limits.maxBytes);
  const decoded = decodeText(bytes);
  const encoding = decoded.encoding;
  const text = decoded.text.replace(/^\uFEFF/u, '');
  // A zip, an image or an old .xls renamed to .csv: NULs never occur in text.
  if (text.includes('\u0000')) throw badCsv('the file is binary, not text');
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: options.delimiter ?? guessDelimiter(text, encoding),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    });
  } catch (err) {
    // csv-parse's message can quote the record; keep only its code and line.
    const e = err as { code?: unknown; lines?: unknown };
    const code = typeof e.code === 'string' ? e.code : 'CSV_PARSE_ERROR';
    throw badCsv(typeof e.lines === 'number' ? `${code} at line ${e.lines}` : code);
  }
  if (records.length > limits.maxRows) throw tooManyRows(limits.maxRows);
  if (records.some((r) => r.length > limits.maxColumns)) throw tooManyColumns(limits.maxColumns);
  const { tables, matcher } = maskTables([records], options);
  const rows = tables[0]?.rows ?? [];
  const csv = stringify(rows, { bom: true, record_delimiter: 'windows' });
  return { csv, rows, masked: tables[0]?.masked ?? 0, encoding, matcher };
}

/** A de-identified copy of a CSV upload (UTF-8, UTF-8 with BOM, GBK/GB18030 or UTF-16), as UTF-8 with a BOM. */
export function maskCsv(bytes: Uint8Array, options: MaskCsvOptions = {}): MaskedCsv {
  const { csv, rows, masked, encoding } = maskCsvDetailed(bytes, options);
  return { csv, rows, masked, encoding };
}
