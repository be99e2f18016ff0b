import { describe, expect, it } from 'vitest';
import { id18WithX, LI_ID, luhnCard, ZHANG_ID } from '../test/corpus.js';
import { findPersonalData } from './detect.js';
import { isNameHeader, isNumberHeader } from './headers.js';
import { cellText, maskTable } from './table.js';

const CARD = luhnCard('622202123456789012');
/** A 19-digit card typed into a spreadsheet as a number: what JavaScript gets is already rounded. */
const CARD_AS_NUMBER = Number('6222021234567890123');
const WANG_ID = id18WithX('330521', '19480101');

/** No cell of `rows` holds anything `findPersonalData` finds. */
function expectClean(rows: string[][]) {
  for (const row of rows) for (const cell of row) expect(findPersonalData(cell), cell).toEqual([]);
}

describe('headers', () => {
  it('recognises name headers in their usual variants', () => {
    for (const h of [
      '姓名',
      ' 姓　名 ',
      '户主',
      '户主姓名',
      '申请人',
      '领取人',
      '收款人',
      '联系人',
      '户名',
    ]) {
      expect(isNameHeader(h), h).toBe(true);
    }
    for (const h of ['家庭成员', '监护人', '*姓名', '姓名：', '姓名（户主）', '申请人姓名', 'Name']) {
      expect(isNameHeader(h), h).toBe(true);
    }
    for (const h of ['序号', '与户主关系', '金额', '家庭成员数', '村民小组', ''])
      expect(isNameHeader(h), h).toBe(false);
  });

  it('recognises ID, phone and account headers', () => {
    for (const h of [
      '身份证号',
      '身份证号码',
      '证件号码',
      '联系电话',
      '手机号',
      '银行卡号',
      '账号',
      '存折号',
    ]) {
      expect(isNumberHeader(h), h).toBe(true);
    }
    for (const h of ['金额', '户名', '发放日期']) expect(isNumberHeader(h), h).toBe(false);
  });
});

describe('cellText', () => {
  it('gives numbers as their digits and dates as YYYY-MM-DD', () => {
    expect(cellText(13812345678)).toBe('13812345678');
    expect(cellText(1e20)).toBe('100000000000000000000');
    expect(cellText(12345.5)).toBe('12345.5');
    expect(cellText(new Date(Date.UTC(2026, 10, 30)))).toBe('2026-11-30');
    expect(cellText(new Date(Date.UTC(2026, 10, 30, 8, 30)))).toBe('2026-11-30 08:30:00');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
  });
});

describe('maskTable', () => {
  const roster = [
    ['2026年11月低保金发放名单', null, null, null, null, null, null],
    ['序号', '户主姓名', '身份证号', '联系电话', '银行卡号', '金额', '备注'],
    [1, '张三', ZHANG_ID, 13812345678, CARD, 1380, '张三之妻李四代领'],
    [2, '欧阳娜娜', LI_ID, '139 0000 1111', CARD_AS_NUMBER, 12345.5, '发放日期'],
    [3, '王五', WANG_ID, null, null, '12,345.00', new Date(Date.UTC(2026, 10, 30))],
    [4, '赵六', '33052119900307123', '0572-8012345', null, 100, '身份证号漏一位'],
    ['合计', null, null, null, null, 15105.5, null],
  ];

  it('masks names, numbers, and names elsewhere in the table', () => {
    const { rows, masked, headerRow, nameColumns, numberColumns } = maskTable(roster);
    expect(headerRow).toBe(1);
    expect(nameColumns).toEqual([1]);
    expect(numberColumns).toEqual([2, 3, 4]);
    expect(rows[0]).toEqual(['2026年11月低保金发放名单', '', '', '', '', '', '']);
    expect(rows[1]).toEqual(roster[1]);
    expect(rows[2]).toEqual([
      '1',
      '张*',
      `330521***********${ZHANG_ID.slice(-1)}`,
      '138****5678',
      `${'*'.repeat(15)}${CARD.slice(-4)}`,
      '1380',
      '张*之妻李四代领', // 李四 is not on the roster: only names from the name column are known
    ]);
    expect(rows[3]).toEqual([
      '2',
      '欧阳**',
      `110101***********${LI_ID.slice(-1)}`,
      '139 **** 1111',
      '*'.repeat(19), // beyond 2^53 its last digits are lost: nothing can check it, all of it goes
      '12345.5',
      '发放日期',
    ]);
    expect(rows[4]).toEqual(['3', '王*', '330521***********X', '', '', '12,345.00', '2026-11-30']);
    // A mistyped ID number and a landline, in columns that hold ID and phone numbers.
    expect(rows[5]).toEqual(['4', '赵*', '*'.repeat(17), '****-*******', '', '100', '身份证号漏一位']);
    expect(rows[6]).toEqual(['合计', '', '', '', '', '15105.5', '']);
    expect(masked).toBe(14);
    expectClean(rows);
  });

  it('masks names of one roster in a title and free text', () => {
    const { rows } = maskTable([
      ['关于张三家庭的说明'],
      ['姓名', '情况'],
      ['张三', '户主张三，妻李四'],
      ['李四', '同上'],
    ]);
    expect(rows).toEqual([
      ['关于张*家庭的说明'],
      ['姓名', '情况'],
      ['张*', '户主张*，妻李*'],
      ['李*', '同上'],
    ]);
  });

  it('masks lists of family members and leaves a repeated header row', () => {
    const { rows } = maskTable([
      ['户主', '家庭成员'],
      ['张三', '李四、张小明'],
      ['户主', '家庭成员'],
      ['王五', '王小五 赵六'],
    ]);
    expect(rows).toEqual([
      ['户主', '家庭成员'],
      ['张*', '李*、张**'],
      ['户主', '家庭成员'],
      ['王*', '王** **'],
    ]);
  });

  it('takes name columns by index or header text, and tables without a header', () => {
    const data = [
      ['编号', '申请人姓名', '说明'],
      ['A1', '钱七', '钱七申请'],
    ];
    expect(maskTable(data, { nameColumns: [1] }).rows[1]).toEqual(['A1', '钱*', '钱*申请']);
    expect(maskTable(data, { nameColumns: ['申请人 姓名'] }).rows[1]).toEqual(['A1', '钱*', '钱*申请']);
    expect(maskTable(data, { nameColumns: [] }).rows[1]).toEqual(['A1', '钱七', '钱七申请']);
    const noHeader = maskTable([['孙八', '13812345678']], { header: false, nameColumns: [0] });
    expect(noHeader.rows).toEqual([['孙*', '138****5678']]);
    expect(noHeader.headerRow).toBeNull();
    // Without a header, 'auto' finds no name columns; numbers are masked all the same.
    expect(maskTable([['孙八', '13812345678']], { header: false }).rows).toEqual([['孙八', '138****5678']]);
  });

  it('takes extra names, a fixed header row, and turns numberColumns off', () => {
    const { rows } = maskTable(
      [
        ['说明', '账号'],
        ['周九来电', '33052119900307123'],
      ],
      { header: 0, names: ['周九'], numberColumns: [] },
    );
    expect(rows).toEqual([
      ['说明', '账号'],
      ['周*来电', '33052119900307123'],
    ]);
  });

  it('handles empty and ragged tables', () => {
    expect(maskTable([])).toEqual({
      rows: [],
      masked: 0,
      headerRow: null,
      nameColumns: [],
      numberColumns: [],
    });
    const sparse: (string | null)[][] = [['姓名'], ['张三', '13812345678', null]];
    expect(maskTable(sparse).rows).toEqual([['姓名'], ['张*', '138****5678', '']]);
  });
});
