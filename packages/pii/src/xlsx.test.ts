import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { id18WithX, LI_ID, luhnCard, ZHANG_ID } from '../test/corpus.js';
import { findPersonalData } from './detect.js';
import { PiiError } from './errors.js';
import { maskTableFile } from './table-file.js';
import { maskXlsx } from './xlsx.js';

// exceljs's own zip library, to read the raw XML of what we write without trusting our reader.
interface ZipFile {
  name: string;
  dir: boolean;
  async(type: 'string'): Promise<string>;
}
interface JSZipInstance {
  files: Record<string, ZipFile>;
  file(name: string, data: string): JSZipInstance;
  generateAsync(options: { type: 'uint8array'; compression?: 'DEFLATE' }): Promise<Uint8Array>;
}
interface JSZipStatic {
  new (): JSZipInstance;
  loadAsync(data: Uint8Array): Promise<JSZipInstance>;
}
const requireFromExceljs = createRequire(createRequire(import.meta.url).resolve('exceljs'));
const JSZip = requireFromExceljs('jszip') as JSZipStatic;

const CARD = luhnCard('622202123456789012');
const WANG_ID = id18WithX('330521', '19480101');
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** Every secret of the test workbook, which must appear nowhere in the output. */
const SECRETS = [
  ZHANG_ID,
  LI_ID,
  WANG_ID,
  CARD,
  '13812345678',
  '13900001111',
  '13700002222',
  '19900307',
  '19651231',
  '张三',
  '欧阳娜娜',
  '娜娜',
  '王五',
  '王小明', // the author
  '李会计',
];

async function rosterWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '王小明';
  wb.lastModifiedBy = '李会计';
  wb.title = '张三等低保名单';
  wb.description = '联系人 13700002222';
  wb.company = '德清县某村';

  const ws = wb.addWorksheet('低保名单');
  ws.getCell('A1').value = '2026年11月低保金发放名单';
  ws.mergeCells('A1:G1');
  ws.addRow(['序号', '姓名', '身份证号', '联系电话', '银行卡号', '金额', '发放日期']);
  ws.addRow([1, '张三', ZHANG_ID, 13812345678, CARD, 12345.5, new Date(Date.UTC(2026, 10, 30))]);
  ws.addRow([
    2,
    { richText: [{ text: '欧阳' }, { text: '娜娜', font: { bold: true } }] },
    {
      richText: [
        { text: LI_ID.slice(0, 6) },
        { text: LI_ID.slice(6), font: { color: { argb: 'FFFF0000' } } },
      ],
    },
    { text: '139 0000 1111', hyperlink: 'tel:13900001111' },
    { formula: 'E3', result: CARD },
    { formula: 'F3*0+1380', result: 1380 },
    '2026-11-30',
  ]);
  ws.addRow([
    3,
    '王五',
    { formula: '"33052119480101"&"0000"', result: WANG_ID },
    null,
    null,
    '12,345.00',
    '订单 2024113012',
  ]);
  ws.getCell('B3').note = `张三，身份证 ${ZHANG_ID}`;
  ws.getCell('H4').dataValidation = { type: 'list', allowBlank: true, formulae: ['"张三,王五"'] };
  ws.headerFooter.oddFooter = '制表人 王小明 13812345678';
  ws.getColumn(3).width = 24;
  const image = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: 'png' });
  ws.addImage(image, 'H1:H2');

  const hidden = wb.addWorksheet('张三明细', { state: 'hidden' });
  hidden.addRow(['姓名', '身份证号', '手机']);
  hidden.addRow(['张三', ZHANG_ID, '13812345678']);
  const veryHidden = wb.addWorksheet('备份', { state: 'veryHidden' });
  veryHidden.addRow([LI_ID, 13900001111]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function rawTexts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const file of Object.values(zip.files)) if (!file.dir) out.set(file.name, await file.async('string'));
  return out;
}

async function rejection(promise: Promise<unknown>): Promise<PiiError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(PiiError);
    return err as PiiError;
  }
  throw new Error('expected a PiiError');
}

describe('maskXlsx', () => {
  it('masks every kind of cell and writes a new workbook of values only', async () => {
    const input = await rosterWorkbook();
    // The test workbook does hold the secrets, in its raw XML.
    const before = [...(await rawTexts(input)).values()].join('\n');
    for (const secret of [ZHANG_ID, '王小明', '13700002222', '张三明细']) expect(before).toContain(secret);

    const result = await maskXlsx(input);
    expect(result.sheets.map((s) => s.name)).toEqual(['低保名单']);
    expect(result.removed).toEqual({ hiddenSheets: 2, formulas: 3, comments: 1, images: 1 });
    expect(result.sheets[0]?.rows).toEqual([
      ['2026年11月低保金发放名单', '', '', '', '', '', ''],
      ['序号', '姓名', '身份证号', '联系电话', '银行卡号', '金额', '发放日期'],
      [
        '1',
        '张*',
        `330521***********${ZHANG_ID.slice(-1)}`,
        '138****5678',
        `${'*'.repeat(15)}${CARD.slice(-4)}`,
        '12345.5',
        '2026-11-30',
      ],
      [
        '2',
        '欧阳**',
        `110101***********${LI_ID.slice(-1)}`,
        '139 **** 1111',
        `${'*'.repeat(15)}${CARD.slice(-4)}`,
        '1380',
        '2026-11-30',
      ],
      ['3', '王*', '330521***********X', '', '', '12,345.00', '订单 2024113012'],
    ]);
    expect(result.masked).toBe(10);

    // Read back with exceljs: values only, numbers still numbers, nothing else.
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(result.xlsx as unknown as ExcelJS.Buffer);
    expect(back.worksheets.map((w) => [w.name, w.state])).toEqual([['低保名单', 'visible']]);
    expect(back.creator).not.toBe('王小明');
    const sheet = back.getWorksheet('低保名单');
    expect(sheet?.getCell('F3').value).toBe(12345.5);
    expect(sheet?.getCell('D3').value).toBe('138****5678');
    expect(sheet?.getCell('B3').note).toBeUndefined();
    expect(sheet?.getCell('D4').value).toBe('139 **** 1111');
    expect(sheet?.getCell('E4').formula).toBeUndefined();
    expect(sheet?.getImages()).toEqual([]);
    expect(sheet?.getColumn(3).width).toBe(24);
    expect(sheet?.model.merges).toEqual(['A1:G1']);

    // And the raw XML of every part of the file: no number, no name, no author, no hidden sheet.
    const parts = await rawTexts(result.xlsx);
    for (const [name, xml] of parts) {
      expect(findPersonalData(xml), name).toEqual([]);
      for (const secret of SECRETS) expect(xml, `${name} holds ${secret}`).not.toContain(secret);
      expect(xml).not.toContain('tel:');
    }
    expect([...parts.keys()].some((n) => n.includes('comments') || n.includes('media'))).toBe(false);
    expect([...parts.keys()].filter((n) => n.startsWith('xl/worksheets/'))).toEqual([
      'xl/worksheets/sheet1.xml',
    ]);
  });

  it('writes hidden sheets masked and visible when asked, names masked in sheet names', async () => {
    const result = await maskXlsx(await rosterWorkbook(), { hiddenSheets: 'include' });
    expect(result.sheets.map((s) => s.name)).toEqual(['低保名单', '张＊明细', '备份']);
    expect(result.sheets[1]?.rows[1]).toEqual([
      '张*',
      `330521***********${ZHANG_ID.slice(-1)}`,
      '138****5678',
    ]);
    expect(result.sheets[2]?.rows[0]).toEqual([`110101***********${LI_ID.slice(-1)}`, '139****1111']);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(result.xlsx as unknown as ExcelJS.Buffer);
    expect(back.worksheets.map((w) => w.state)).toEqual(['visible', 'visible', 'visible']);
    for (const [name, xml] of await rawTexts(result.xlsx)) {
      expect(findPersonalData(xml), name).toEqual([]);
      for (const secret of SECRETS) expect(xml, `${name} holds ${secret}`).not.toContain(secret);
    }
  });

  it('masks a workbook Excel wrote with numbers for phones and shared strings', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['户主', '手机', '卡号']);
    // An 18-digit ID typed as a number keeps 15 significant digits: 330521199003071000.
    ws.addRow(['张三', 13812345678, Number('330521199003071234')]);
    ws.addRow(['张三', 13812345678, 6222021234567890]);
    const result = await maskXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(result.sheets[0]?.rows).toEqual([
      ['户主', '手机', '卡号'],
      ['张*', '138****5678', '*'.repeat(18)],
      ['张*', '138****5678', '*'.repeat(16)],
    ]);
  });

  it('refuses what is not an .xlsx with a PiiError, never a library error', async () => {
    const notZip = await rejection(maskXlsx(new TextEncoder().encode('姓名,手机\n张三,13812345678')));
    expect(notZip).toMatchObject({
      code: 'PII_ERR_NOT_XLSX',
      message: 'the file is not an .xlsx workbook',
      zh: '文件不是 Excel（.xlsx）表格，请用 Excel 或 WPS 另存为 .xlsx 后再上传',
      status: 415,
    });

    const xls = new Uint8Array(512);
    xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await rejection(maskXlsx(xls))).toMatchObject({
      code: 'PII_ERR_NOT_XLSX',
      message:
        'the file is an old .xls workbook or a password-protected one; save it as .xlsx without a password',
      zh: '这是旧版 .xls 表格或设置了打开密码，请另存为不加密的 .xlsx 后再上传',
    });

    const otherZip = await new JSZip()
      .file('readme.txt', '13812345678')
      .generateAsync({ type: 'uint8array' });
    expect(await rejection(maskXlsx(otherZip))).toMatchObject({ code: 'PII_ERR_NOT_XLSX' });

    const fake = await new JSZip()
      .file('[Content_Types].xml', '<Types')
      .file('xl/workbook.xml', '<<<not xml')
      .generateAsync({ type: 'uint8array' });
    expect(await rejection(maskXlsx(fake))).toMatchObject({ code: 'PII_ERR_NOT_XLSX' });

    const good = await rosterWorkbook();
    const truncated = good.subarray(0, Math.floor(good.byteLength / 2));
    expect(await rejection(maskXlsx(truncated))).toMatchObject({ code: 'PII_ERR_NOT_XLSX' });
  });

  it('refuses files over the size, row and column limits', async () => {
    const good = await rosterWorkbook();
    expect(await rejection(maskXlsx(good, { maxBytes: 1000 }))).toMatchObject({
      code: 'PII_ERR_TOO_LARGE',
      message: 'the file is larger than 1000 bytes',
      zh: '文件超过 1 MB，请拆分后再上传',
      status: 413,
    });
    expect(await rejection(maskXlsx(good, { maxRows: 5 }))).toMatchObject({
      code: 'PII_ERR_TOO_LARGE',
      message: 'the table has more than 5 rows',
      zh: '表格超过 5 行，请拆分后再上传',
    });
    expect(await rejection(maskXlsx(good, { maxColumns: 6 }))).toMatchObject({
      code: 'PII_ERR_TOO_LARGE',
      message: 'the table has more than 6 columns',
    });
  });

  it('refuses a zip bomb, even one whose headers lie about its size', async () => {
    const bomb = await new JSZip()
      .file('[Content_Types].xml', '<Types/>')
      .file('xl/workbook.xml', '<workbook/>')
      .file('xl/sharedStrings.xml', '0'.repeat(4 * 1024 * 1024))
      .generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(bomb.byteLength).toBeLessThan(100_000);
    const limits = { maxUnpackedBytes: 1024 * 1024 };
    expect(await rejection(maskXlsx(bomb, limits))).toMatchObject({
      code: 'PII_ERR_TOO_LARGE',
      message: `the workbook unpacks to more than ${1024 * 1024} bytes`,
    });
    // Claim 1 byte for every part, in the local headers and the central directory.
    const liar = new Uint8Array(bomb);
    const dv = new DataView(liar.buffer);
    for (let p = 0; p + 4 <= liar.byteLength; p++) {
      const sig = dv.getUint32(p, true);
      if (sig === 0x04034b50) dv.setUint32(p + 22, 1, true);
      if (sig === 0x02014b50) dv.setUint32(p + 24, 1, true);
    }
    expect(await rejection(maskXlsx(liar, limits))).toMatchObject({ code: 'PII_ERR_TOO_LARGE' });
  });
});

describe('maskTableFile', () => {
  it('masks an .xlsx, and its file name with the names found in it', async () => {
    const result = await maskTableFile(await rosterWorkbook(), 'uploads/张三等低保名单.xlsx');
    expect(result).toMatchObject({
      format: 'xlsx',
      filename: '张*等低保名单.xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      masked: 10,
    });
    expect(result.sheets.map((s) => s.name)).toEqual(['低保名单']);
  });

  it('masks a .csv, and reads a workbook by its content whatever its name', async () => {
    const csv = await maskTableFile(new TextEncoder().encode('姓名,手机\n张三,13812345678\n'), '名单.CSV');
    expect(csv).toMatchObject({
      format: 'csv',
      filename: '名单.csv',
      contentType: 'text/csv; charset=utf-8',
      masked: 2,
    });
    expect(csv.file.toString('utf8')).toBe('\uFEFF姓名,手机\r\n张*,138****5678\r\n');
    const renamed = await maskTableFile(await rosterWorkbook(), 'roster.csv');
    expect(renamed.format).toBe('xlsx');
    expect(renamed.filename).toBe('roster.xlsx');
  });

  it('refuses old .xls files, images, PDFs and Word documents', async () => {
    expect(await rejection(maskTableFile(new Uint8Array([1, 2, 3]), '名单.xls'))).toMatchObject({
      code: 'PII_ERR_NOT_XLSX',
    });
    for (const name of ['身份证.jpg', '名单.pdf', '名单.docx', 'noextension']) {
      expect(await rejection(maskTableFile(new Uint8Array([0xff, 0xd8, 0xff]), name))).toMatchObject({
        code: 'PII_ERR_UNSUPPORTED_FILE',
        message:
          'only .xlsx and .csv files can be de-identified; images, PDFs and Word documents are not read',
        zh: '只能自动脱敏 .xlsx 和 .csv 表格；图片、PDF、Word 文件无法自动检查，请整理成表格后上传',
        status: 415,
      });
    }
  });
});
