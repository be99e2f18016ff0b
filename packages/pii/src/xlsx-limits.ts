/**
 * The row and column limits of an .xlsx upload, checked on a stream before any workbook is built:
 * exceljs's streaming reader hands over one row at a time (shared strings, styles and hyperlinks are not
 * read; the reader spools each sheet's XML to a temporary file first, at most the unpacked size the zip
 * check allowed), and the first row or column past a limit refuses it. Only a workbook
 * within the limits is then loaded whole (./xlsx.ts), so a sheet of a million rows costs one row's
 * memory and never reaches the object model.
 */
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { notXlsx, type PiiError, tooManyColumns, tooManyRows } from './errors.js';
import { loadExcelJs } from './excel.js';
import type { FileLimits } from './limits.js';

type Limits = Required<Pick<FileLimits, 'maxRows' | 'maxColumns'>>;

const hasValue = (value: ExcelJS.CellValue) => value !== null && value !== undefined && value !== '';

/**
 * Throws `PII_ERR_TOO_LARGE` when the sheets together reach past `maxRows` (counting each sheet to its
 * last row with a value, as the reader does) or any sheet past `maxColumns`, `PII_ERR_NOT_XLSX` when the
 * stream cannot be read.
 */
export async function checkSheetLimits(bytes: Uint8Array, limits: Limits): Promise<void> {
  const input = Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);
  const reader = new (await loadExcelJs()).stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'ignore',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  let totalRows = 0;
  // The first limit crossed. The rest is read and dropped (within the unpacked size the zip check
  // allowed), never left: leaving exceljs's reader mid-stream breaks the next workbook read in the process.
  let crossed: PiiError | null = null;
  try {
    for await (const sheet of reader) {
      let lastRow = 0;
      for await (const row of sheet) {
        row.eachCell({ includeEmpty: false }, (cell, c) => {
          if (crossed || !hasValue(cell.value)) return;
          if (c > limits.maxColumns) crossed = tooManyColumns(limits.maxColumns);
          else if (totalRows + row.number > limits.maxRows) crossed = tooManyRows(limits.maxRows);
          else lastRow = Math.max(lastRow, row.number);
        });
      }
      totalRows += lastRow;
    }
  } catch {
    // The streaming parser throws whatever it meets, with XML in the message: say it plainly.
    throw notXlsx();
  }
  if (crossed) throw crossed;
}
