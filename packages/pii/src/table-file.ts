/** One call for an upload whose type is known only by its name: .xlsx or .csv, by content first. */
import { type MaskCsvOptions, maskCsvDetailed } from './csv.js';
import { legacyWorkbook, unsupportedFile } from './errors.js';
import { maskText } from './mask.js';
import { isOleFile, type MaskedSheet, type MaskXlsxOptions, maskXlsxDetailed } from './xlsx.js';
import { isZip } from './zip.js';

export type MaskTableFileOptions = MaskXlsxOptions & MaskCsvOptions;

export interface MaskedTableFile {
  format: 'xlsx' | 'csv';
  /** The masked file: a new .xlsx, or UTF-8 CSV with a BOM. */
  file: Buffer;
  /** The upload's name masked (张三低保.xlsx → 张*低保.xlsx), with the extension of `format`. */
  filename: string;
  contentType: string;
  sheets: MaskedSheet[];
  masked: number;
}

const TABLE_EXTENSIONS = new Set(['xlsx', 'xlsm', 'csv', 'tsv', 'txt']);
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot < 0 ? '' : filename.slice(dot + 1).toLowerCase();
}

function baseName(filename: string): string {
  const name = filename.split(/[/\\]/u).pop() ?? '';
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? name : name.slice(0, dot);
}

/**
 * A de-identified copy of an uploaded table: `.xlsx` through `maskXlsx`, `.csv`/`.tsv`/`.txt` through
 * `maskCsv` — but a zip named .csv is read as the workbook it is. An old `.xls` is refused with
 * `PII_ERR_NOT_XLSX`, anything else (images, PDF, Word) with `PII_ERR_UNSUPPORTED_FILE`: not read.
 */
export async function maskTableFile(
  bytes: Uint8Array,
  filename: string,
  options: MaskTableFileOptions = {},
): Promise<MaskedTableFile> {
  const ext = extensionOf(filename);
  const base = baseName(filename) || 'table';
  if (ext === 'xls' || ext === 'et') throw legacyWorkbook();
  if (!TABLE_EXTENSIONS.has(ext)) throw unsupportedFile();
  if (isOleFile(bytes)) throw legacyWorkbook();
  if (isZip(bytes) || ext === 'xlsx' || ext === 'xlsm') {
    const result = await maskXlsxDetailed(bytes, options);
    return {
      format: 'xlsx',
      file: result.xlsx,
      filename: `${maskText(base, result.matcher)}.xlsx`,
      contentType: XLSX_TYPE,
      sheets: result.sheets,
      masked: result.masked,
    };
  }
  const result = maskCsvDetailed(bytes, options);
  return {
    format: 'csv',
    file: Buffer.from(result.csv, 'utf8'),
    filename: `${maskText(base, result.matcher)}.csv`,
    contentType: 'text/csv; charset=utf-8',
    sheets: [{ name: maskText(base, result.matcher), rows: result.rows }],
    masked: result.masked,
  };
}
