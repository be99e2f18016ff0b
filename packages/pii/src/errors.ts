/**
 * The errors the file readers raise for a file a cadre can upload: the `PII` family of the platform's
 * one error model, each with a stable `code`, an English `message` for logs, a zh-CN `zh` for the cadre
 * and the HTTP `status` a route should answer with. Messages never quote the file's contents: they end
 * up in logs, and the contents are what this package exists to keep out of them. For the same reason a
 * parser's own error is never attached as `cause`: exceljs and csv-parse errors can hold a record or an
 * XML snippet.
 */
import { CunmenError, defineErrors } from '@cunmen/errors';

export const piiErrors = defineErrors('PII', '/docs/developers/de-identification', {
  PII_ERR_NOT_XLSX: {
    status: 415,
    en: 'the file is not an .xlsx workbook',
    zh: '文件不是 Excel（.xlsx）表格',
  },
  PII_ERR_TOO_LARGE: { status: 413, en: 'the file is too large', zh: '文件过大' },
  PII_ERR_BAD_CSV: { status: 400, en: 'the CSV file could not be read', zh: '无法读取该 CSV 文件' },
  PII_ERR_UNSUPPORTED_FILE: {
    status: 415,
    en: 'only .xlsx and .csv files can be de-identified',
    zh: '只能自动脱敏 .xlsx 和 .csv 表格',
  },
});

/** The family's table: code → status and default texts. */
export const PII_ERROR_CODES = piiErrors.codes;

export type PiiErrorCode = keyof typeof PII_ERROR_CODES;

/** A `CunmenError` of the `PII` family, so every Fastify mapping answers it with its status and texts. */
export class PiiError extends CunmenError {
  override name = 'PiiError';
  declare readonly code: PiiErrorCode;

  constructor(code: PiiErrorCode, message: string, zh: string) {
    super(code, PII_ERROR_CODES[code], piiErrors.docsPage, { en: message, zh });
  }
}

/** True for an error of the `PII` family, also one made by another copy of this package. */
export function isPiiError(err: unknown): err is PiiError {
  return piiErrors.owns(err);
}

const MIB = 1024 * 1024;

export function tooLargeBytes(limit: number): PiiError {
  const mib = Math.max(1, Math.floor(limit / MIB));
  return new PiiError(
    'PII_ERR_TOO_LARGE',
    `the file is larger than ${limit} bytes`,
    `文件超过 ${mib} MB，请拆分后再上传`,
  );
}

export function tooLargeUnpacked(limit: number): PiiError {
  const mib = Math.max(1, Math.floor(limit / MIB));
  return new PiiError(
    'PII_ERR_TOO_LARGE',
    `the workbook unpacks to more than ${limit} bytes`,
    `表格内容解压后超过 ${mib} MB，请拆分后再上传`,
  );
}

export function tooManyRows(limit: number): PiiError {
  return new PiiError(
    'PII_ERR_TOO_LARGE',
    `the table has more than ${limit} rows`,
    `表格超过 ${limit} 行，请拆分后再上传`,
  );
}

export function tooManyColumns(limit: number): PiiError {
  return new PiiError(
    'PII_ERR_TOO_LARGE',
    `the table has more than ${limit} columns`,
    `表格超过 ${limit} 列，请删去不需要公开的列后再上传`,
  );
}

export function notXlsx(): PiiError {
  return new PiiError(
    'PII_ERR_NOT_XLSX',
    'the file is not an .xlsx workbook',
    '文件不是 Excel（.xlsx）表格，请用 Excel 或 WPS 另存为 .xlsx 后再上传',
  );
}

export function legacyWorkbook(): PiiError {
  return new PiiError(
    'PII_ERR_NOT_XLSX',
    'the file is an old .xls workbook or a password-protected one; save it as .xlsx without a password',
    '这是旧版 .xls 表格或设置了打开密码，请另存为不加密的 .xlsx 后再上传',
  );
}

export function badCsv(detail: string): PiiError {
  return new PiiError(
    'PII_ERR_BAD_CSV',
    `the CSV file could not be read: ${detail}`,
    '无法读取该 CSV 文件，请检查文件，或用 Excel 另存为 .xlsx 后再上传',
  );
}

export function unsupportedFile(): PiiError {
  return new PiiError(
    'PII_ERR_UNSUPPORTED_FILE',
    'only .xlsx and .csv files can be de-identified; images, PDFs and Word documents are not read',
    '只能自动脱敏 .xlsx 和 .csv 表格；图片、PDF、Word 文件无法自动检查，请整理成表格后上传',
  );
}
