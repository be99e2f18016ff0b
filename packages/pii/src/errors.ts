/**
 * The errors the file readers raise for a file a cadre can upload. Like a module's `ModuleError` they
 * carry a stable `code`, an English `message` for logs and a zh-CN `zh` for the cadre, plus the HTTP
 * status a route should answer with. Messages never quote the file's contents: they end up in logs, and
 * the contents are what this package exists to keep out of them. For the same reason a parser's own
 * error is never attached as `cause`: exceljs and csv-parse errors can hold a record or an XML snippet.
 */

export const PII_ERROR_CODES = {
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
} as const;

export type PiiErrorCode = keyof typeof PII_ERROR_CODES;

export class PiiError extends Error {
  override name = 'PiiError';
  readonly status: number;

  constructor(
    readonly code: PiiErrorCode,
    message: string,
    readonly zh: string,
  ) {
    super(message);
    this.status = PII_ERROR_CODES[code].status;
  }
}

/** True for a `PiiError`, also across duplicated copies of this package. */
export function isPiiError(err: unknown): err is PiiError {
  return (
    err instanceof PiiError ||
    (typeof err === 'object' &&
      err !== null &&
      (err as { name?: unknown }).name === 'PiiError' &&
      typeof (err as { code?: unknown }).code === 'string' &&
      typeof (err as { zh?: unknown }).zh === 'string')
  );
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
