/**
 * exceljs and the zip libraries under it are a fifth of the modules a server or CLI process would load
 * at start, for the few requests that read or write a workbook: they load on the first such request.
 */
import type ExcelJS from 'exceljs';

let loading: Promise<typeof ExcelJS> | undefined;

/** The exceljs module, imported once per process on first use. */
export function loadExcelJs(): Promise<typeof ExcelJS> {
  loading ??= import('exceljs').then(
    (m) => ((m as { default?: typeof ExcelJS }).default ?? m) as typeof ExcelJS,
  );
  return loading;
}
