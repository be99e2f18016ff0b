import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { gbkEncode, LI_ID, ZHANG_ID } from '../test/corpus.js';
import { maskCsv } from './csv.js';
import { findPersonalData } from './detect.js';
import { PiiError } from './errors.js';

const CSV = [
  '序号,姓名,身份证号,手机,金额,发放日期,备注',
  `1,张三,${ZHANG_ID},13812345678,"12,345.00",2026-11-30,"张三，""低保""户"`,
  `2,欧阳娜娜,${LI_ID},+86 139 0000 1111,1380.50,2026-11-30,订单 2024113012`,
  '',
].join('\r\n');

const EXPECTED_ROWS = [
  ['序号', '姓名', '身份证号', '手机', '金额', '发放日期', '备注'],
  [
    '1',
    '张*',
    `330521***********${ZHANG_ID.slice(-1)}`,
    '138****5678',
    '12,345.00',
    '2026-11-30',
    '张*，"低保"户',
  ],
  [
    '2',
    '欧阳**',
    `110101***********${LI_ID.slice(-1)}`,
    '+86 139 **** 1111',
    '1380.50',
    '2026-11-30',
    '订单 2024113012',
  ],
];

function expectMasked(result: ReturnType<typeof maskCsv>) {
  expect(result.rows).toEqual(EXPECTED_ROWS);
  expect(result.masked).toBe(7);
  expect(result.csv.startsWith('\uFEFF序号,姓名')).toBe(true);
  expect(result.csv).toContain('\r\n');
  expect(findPersonalData(result.csv)).toEqual([]);
  for (const secret of [ZHANG_ID, LI_ID, '张三', '娜娜', '19900307'])
    expect(result.csv).not.toContain(secret);
  // What it writes reads back as the same rows.
  expect(parse(result.csv, { bom: true })).toEqual(EXPECTED_ROWS);
}

describe('maskCsv', () => {
  it('reads UTF-8', () => {
    const result = maskCsv(new TextEncoder().encode(CSV));
    expect(result.encoding).toBe('utf-8');
    expectMasked(result);
  });

  it('reads UTF-8 with a BOM', () => {
    const result = maskCsv(new TextEncoder().encode(`\uFEFF${CSV}`));
    expect(result.encoding).toBe('utf-8');
    expectMasked(result);
  });

  it('reads GBK, as Excel saves CSV in China', () => {
    const bytes = gbkEncode(CSV);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    // 张 is D5 C5 in GBK.
    expect(Array.from(gbkEncode('张'))).toEqual([0xd5, 0xc5]);
    const result = maskCsv(bytes);
    expect(result.encoding).toBe('gb18030');
    expectMasked(result);
  });

  it('reads UTF-16 with tabs, as Excel saves "Unicode text"', () => {
    const text = `\uFEFF${parse(CSV)
      .map((r: string[]) => r.join('\t'))
      .join('\r\n')}`;
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      bytes[2 * i] = text.charCodeAt(i) & 0xff;
      bytes[2 * i + 1] = text.charCodeAt(i) >> 8;
    }
    const result = maskCsv(bytes);
    expect(result.encoding).toBe('utf-16le');
    expect(result.rows).toEqual(EXPECTED_ROWS);
  });

  it('reads semicolons when told, and an empty file', () => {
    const result = maskCsv(new TextEncoder().encode('姓名;手机\n张三;13812345678\n'), { delimiter: ';' });
    expect(result.rows).toEqual([
      ['姓名', '手机'],
      ['张*', '138****5678'],
    ]);
    expect(maskCsv(new Uint8Array()).rows).toEqual([]);
  });

  it('refuses binary files, broken quoting and files over the limits', () => {
    const cases: [Uint8Array, object, string, string][] = [
      [
        new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]),
        {},
        'PII_ERR_BAD_CSV',
        'the CSV file could not be read: the file is binary, not text',
      ],
      [
        new TextEncoder().encode('a,"b\n1,2'),
        {},
        'PII_ERR_BAD_CSV',
        'the CSV file could not be read: CSV_QUOTE_NOT_CLOSED at line 2',
      ],
      [
        new TextEncoder().encode(CSV),
        { maxBytes: 100 },
        'PII_ERR_TOO_LARGE',
        'the file is larger than 100 bytes',
      ],
      [new TextEncoder().encode(CSV), { maxRows: 2 }, 'PII_ERR_TOO_LARGE', 'the table has more than 2 rows'],
      [
        new TextEncoder().encode(CSV),
        { maxColumns: 5 },
        'PII_ERR_TOO_LARGE',
        'the table has more than 5 columns',
      ],
    ];
    for (const [bytes, options, code, message] of cases) {
      let error: unknown;
      try {
        maskCsv(bytes, options);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(PiiError);
      expect(error).toMatchObject({ code, message });
      expect((error as PiiError).zh).toMatch(/[\u4e00-\u9fff]/u);
    }
  });
});
