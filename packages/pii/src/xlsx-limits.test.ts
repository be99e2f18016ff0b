/** Rows and columns past the limits are refused from the stream, before any workbook object is built. */
import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { maskXlsx, readXlsx } from './xlsx.js';

// exceljs's own zip library (as in xlsx.test.ts).
interface Zip {
  file(name: string, data: string): Zip;
  generateAsync(options: { type: 'uint8array'; compression: 'DEFLATE' }): Promise<Uint8Array>;
}
const JSZip = createRequire(createRequire(import.meta.url).resolve('exceljs'))('jszip') as new () => Zip;

/** What `workbook.xlsx.load` is defined on: spied to prove nothing was built. */
const XLSX_PROTOTYPE = Object.getPrototypeOf(new ExcelJS.Workbook().xlsx) as { load: () => unknown };

/** A column's letters: 1 → A, 27 → AA. */
function column(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

/** A workbook written as raw XML (no exceljs), so a test can make one far past the limits cheaply. */
async function rawWorkbook(rows: number, columns: number): Promise<Uint8Array> {
  const cells = (r: number) =>
    Array.from(
      { length: columns },
      (_, i) => `<c r="${column(i + 1)}${r}" t="inlineStr"><is><t>x</t></is></c>`,
    ).join('');
  const data = Array.from({ length: rows }, (_, i) => `<row r="${i + 1}">${cells(i + 1)}</row>`).join('');
  return new JSZip()
    .file('[Content_Types].xml', '<?xml version="1.0"?><Types/>')
    .file('xl/workbook.xml', `<?xml version="1.0"?><workbook ${NS}><sheets/></workbook>`)
    .file(
      'xl/worksheets/sheet1.xml',
      `<?xml version="1.0"?><worksheet ${NS}><sheetData>${data}</sheetData></worksheet>`,
    )
    .generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

afterEach(() => vi.restoreAllMocks());

describe('streamed limits', () => {
  it.each([
    ['60,000 rows (default limit 50,000)', 60_000, 1, {}, 'the table has more than 50000 rows'],
    ['300 columns (default limit 200)', 2, 300, {}, 'the table has more than 200 columns'],
    ['11 rows past a limit of 10', 11, 3, { maxRows: 10 }, 'the table has more than 10 rows'],
  ])(
    'refuses %s without building a workbook',
    async (_name, rows, columns, limits, message) => {
      const bytes = await rawWorkbook(rows, columns);
      const built = vi.spyOn(XLSX_PROTOTYPE, 'load');
      const refusal = { code: 'PII_ERR_TOO_LARGE', message };
      await expect(readXlsx(bytes, limits)).rejects.toMatchObject(refusal);
      await expect(maskXlsx(bytes, limits)).rejects.toMatchObject(refusal);
      // The workbook's object model was never loaded.
      expect(built).not.toHaveBeenCalled();
    },
    60_000,
  );

  it('reads a workbook within the limits once, giving its original cells for names', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('名单').addRows(Array.from({ length: 10 }, (_, i) => ['姓名', `张${i}`, 3]));
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const read = await readXlsx(bytes, { maxRows: 10, maxColumns: 3 });
    expect(read.tables()).toEqual([Array.from({ length: 10 }, (_, i) => ['姓名', `张${i}`, '3'])]);
    const masked = await maskXlsx(read);
    expect(masked.sheets.map((s) => s.rows.length)).toEqual([10]);
    await expect(readXlsx(bytes, { maxRows: 9 })).rejects.toMatchObject({
      code: 'PII_ERR_TOO_LARGE',
      message: 'the table has more than 9 rows',
    });
  });
});
