/** The PII family and the page its docs links point to stay in step; its errors are the platform's. */
import { readFileSync } from 'node:fs';
import { errorBody, isCunmenError } from '@cunmen/errors';
import { docsDrift } from '@cunmen/errors/docs';
import { describe, expect, it } from 'vitest';
import { isPiiError, notXlsx, PiiError, piiErrors, tooManyRows } from './errors.js';

const page = readFileSync(
  new URL('../../../docs/docs/developers/de-identification.md', import.meta.url),
  'utf8',
);

describe('piiErrors', () => {
  it('is documented on docs/docs/developers/de-identification.md, status by status', () => {
    expect(piiErrors.docsLink('PII_ERR_BAD_CSV')).toBe('/docs/developers/de-identification#pii_err_bad_csv');
    expect(docsDrift(piiErrors, page)).toEqual({ undocumented: [], unknown: [], wrongStatus: [] });
  });

  it('raises PiiErrors that are CunmenErrors with the family status and their own texts', () => {
    const err = tooManyRows(50);
    expect(err).toBeInstanceOf(PiiError);
    expect(isCunmenError(err)).toBe(true);
    expect(isPiiError(err)).toBe(true);
    expect(err).toMatchObject({ code: 'PII_ERR_TOO_LARGE', status: 413, name: 'PiiError' });
    expect(errorBody(notXlsx(), 'r1')).toEqual({
      error: 'the file is not an .xlsx workbook',
      code: 'PII_ERR_NOT_XLSX',
      message: '文件不是 Excel（.xlsx）表格，请用 Excel 或 WPS 另存为 .xlsx 后再上传',
      requestId: 'r1',
    });
  });

  it('tells a PII error made by another copy of the package from other errors', () => {
    const copy = { name: 'PiiError', code: 'PII_ERR_BAD_CSV', status: 400, zh: '无法读取', message: 'x' };
    expect(isPiiError(copy)).toBe(true);
    expect(isPiiError({ ...copy, code: 'REG_ERR_X' })).toBe(false);
    expect(isPiiError(new Error('PII_ERR_BAD_CSV'))).toBe(false);
  });
});
