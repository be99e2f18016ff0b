import { describe, expect, it } from 'vitest';
import {
  id18,
  id18WithX,
  LI_ID,
  luhnCard,
  notLuhnCard,
  toFullWidth,
  wrongCheck,
  ZHANG_ID,
} from '../test/corpus.js';
import { findPersonalData } from './detect.js';
import { maskPersonalData } from './mask.js';

const MOBILE = '13812345678';
const CARD = luhnCard('622202123456789012'); // 19 digits
const CARD16 = luhnCard('436742123456789');

const kinds = (text: string) => findPersonalData(text).map((f) => f.kind);

/** Masks `text` and checks the contract: same length, nothing left to find. */
function mask(text: string): string {
  const out = maskPersonalData(text);
  expect(out).toHaveLength(text.length);
  expect(findPersonalData(out)).toEqual([]);
  return out;
}

describe('ID-card numbers', () => {
  it('finds and masks a valid 18-digit number next to Chinese text', () => {
    const text = `身份证号：${ZHANG_ID}，电话${MOBILE}`;
    expect(findPersonalData(text)).toEqual([
      { kind: 'id-card', start: 5, end: 23, text: ZHANG_ID },
      { kind: 'mobile', start: 26, end: 37, text: MOBILE },
    ]);
    expect(mask(text)).toBe(`身份证号：330521***********${ZHANG_ID.slice(-1)}，电话138****5678`);
  });

  it('never shows the birth date or the sex digit', () => {
    const out = mask(ZHANG_ID);
    expect(out).not.toContain('19900307');
    expect(out.slice(6, 17)).toBe('*'.repeat(11));
  });

  it('keeps an X check character and finds lower-case and full-width X', () => {
    const withX = id18WithX('330521', '19851120');
    expect(kinds(withX)).toEqual(['id-card']);
    expect(mask(withX)).toBe('330521***********X');
    expect(mask(withX.toLowerCase())).toBe('330521***********x');
    expect(kinds(toFullWidth(withX))).toEqual(['id-card']);
    expect(kinds(`${withX}号`)).toEqual(['id-card']);
    // An X that starts a word is not a check character.
    expect(kinds(`${withX.slice(0, 17)}XYZ`)).toEqual([]);
    // One separator before the X is allowed; an X after a mobile number is a word of its own.
    expect(mask(`${withX.slice(0, 17)} X`)).toBe('330521*********** X');
    expect(kinds(`${MOBILE} X光片`)).toEqual(['mobile']);
  });

  it('finds numbers split by spaces and dashes, and full-width ones', () => {
    const spaced = `${ZHANG_ID.slice(0, 6)} ${ZHANG_ID.slice(6, 14)} ${ZHANG_ID.slice(14)}`;
    expect(mask(spaced)).toBe(`330521 ******** ***${ZHANG_ID.slice(-1)}`);
    const dashed = ZHANG_ID.replace(/(\d{4})(?=\d)/gu, '$1-');
    expect(dashed).toBe(`3305-2119-9003-0712-${ZHANG_ID.slice(16)}`);
    expect(kinds(dashed)).toEqual(['id-card']);
    expect(mask(dashed)).toBe(`3305-21**-****-****-*${ZHANG_ID.slice(-1)}`);
    const full = toFullWidth(ZHANG_ID);
    expect(kinds(full)).toEqual(['id-card']);
    expect(mask(full)).toBe(`３３０５２１***********${full.slice(-1)}`);
    for (const sep of ['\u3000', '\u00a0', '\u2009', '\u2013', '\u2014', '\uff0d', '\u2010']) {
      expect(kinds(`${ZHANG_ID.slice(0, 6)}${sep}${ZHANG_ID.slice(6)}`)).toEqual(['id-card']);
    }
  });

  it('finds a mistyped number with a plausible region and date as a suspect, and masks it', () => {
    const typo = wrongCheck(ZHANG_ID);
    expect(kinds(`身份证 ${typo}`)).toEqual(['id-card-suspect']);
    expect(mask(typo)).toBe(`330521***********${typo.slice(-1)}`);
  });

  it('does not take an invalid date or an unknown region for an ID number', () => {
    const feb30 = id18('330521', '19900230', '124');
    const region99 = id18('990521', '19900307', '123');
    // Chosen so that they are no bank cards either.
    expect(kinds(feb30)).toEqual([]);
    expect(kinds(region99)).toEqual([]);
    expect(kinds(id18('330521', '20991231', '123'))).toEqual([]);
  });

  it('finds the old 15-digit form and keeps only its area code', () => {
    expect(kinds('老身份证330521900307123')).toEqual(['id-card']);
    expect(mask('330521900307123')).toBe('330521*********');
    expect(kinds('330521900230123')).toEqual([]);
  });

  it('does not cut a number out of a longer run of digits or a code with letters', () => {
    expect(kinds(`${ZHANG_ID}9`)).toEqual([]);
    expect(kinds(`9${ZHANG_ID}`)).toEqual([]);
    expect(kinds(`ID${ZHANG_ID}`)).toEqual([]);
    expect(kinds(`${ZHANG_ID}abc`)).toEqual([]);
    expect(kinds(`(${ZHANG_ID})`)).toEqual(['id-card']);
  });
});

describe('mobile numbers', () => {
  it('finds 11-digit mobiles, grouped 3-4-4 or not', () => {
    for (const text of [
      MOBILE,
      '138 1234 5678',
      '138-1234-5678',
      '138\u30001234\u30005678',
      toFullWidth(MOBILE),
    ]) {
      expect(kinds(`电话：${text}。`)).toEqual(['mobile']);
    }
    expect(mask('138 1234 5678')).toBe('138 **** 5678');
    expect(mask('19912345678')).toBe('199****5678');
  });

  it('finds +86, 86 and 0086 prefixes and keeps them', () => {
    expect(mask(`+86${MOBILE}`)).toBe('+86138****5678');
    expect(mask('+86 138 1234 5678')).toBe('+86 138 **** 5678');
    expect(mask(`86-${MOBILE}`)).toBe('86-138****5678');
    expect(mask(`0086 ${MOBILE}`)).toBe('0086 138****5678');
    expect(findPersonalData('+86 138 1234 5678')).toEqual([
      { kind: 'mobile', start: 1, end: 17, text: '86 138 1234 5678' },
    ]);
  });

  it('finds a mobile joined to another number by a space, and masks the joint', () => {
    // A roster flattened to text: age, then phone. The age is not part of the number.
    expect(kinds(`张三 男 65 ${MOBILE}`)).toEqual(['mobile']);
    expect(mask(`65 ${MOBILE}`)).toBe('65 *******5678');
    expect(mask(`${MOBILE} 3`)).toBe('138******** 3');
    // The kept area code would make a mobile number with the 13812 in front of it.
    expect(mask(`13812 ${ZHANG_ID}`)).toBe(`13812 *****************${ZHANG_ID.slice(-1)}`);
  });

  it('leaves phone-like numbers that are not mobiles', () => {
    for (const text of [
      '订单号 2024113012', // 10 digits
      '编号 138123456789', // 12 digits
      '单号DD13812345678', // glued to letters
      'No.A13812345678',
      '12345678901', // 11 digits, but not 1[3-9]
      '0572-8012345', // a landline
      '村委会电话 0572-88012345',
      '1381234567', // 10 digits
      '138 - 1234 - 5678', // more than one character between groups
      '138.1234.5678',
    ]) {
      expect(kinds(text), text).toEqual([]);
      expect(maskPersonalData(text)).toBe(text);
    }
  });
});

describe('bank-card numbers', () => {
  it('finds 16-19 digit numbers that pass Luhn and keeps the last 4', () => {
    expect(kinds(`卡号${CARD}`)).toEqual(['bank-card']);
    expect(mask(CARD)).toBe(`${'*'.repeat(15)}${CARD.slice(-4)}`);
    const grouped = CARD.replace(/(\d{4})(?=\d)/gu, '$1 ');
    expect(mask(grouped)).toBe(`**** **** **** ***${CARD.slice(15, 16)} ${CARD.slice(16)}`);
    expect(kinds(CARD16)).toEqual(['bank-card']);
    expect(kinds(toFullWidth(CARD16))).toEqual(['bank-card']);
  });

  it('leaves numbers that fail Luhn or do not start like a card', () => {
    expect(kinds(notLuhnCard('622202123456789012'))).toEqual([]);
    expect(kinds(luhnCard('202411301234567'))).toEqual([]); // a 16-digit order number
    expect(kinds(luhnCard('1234567890123456'))).toEqual([]);
  });

  it('prefers an ID number to a bank card', () => {
    // Some valid ID numbers pass Luhn as well; they are ID numbers.
    let both = '';
    for (let seq = 100; seq < 1000 && !both; seq++) {
      const id = id18('330521', '19900307', String(seq));
      if (/^\d{18}$/u.test(id) && luhnCard(id.slice(0, 17)) === id) both = id;
    }
    expect(both).not.toBe('');
    expect(kinds(both)).toEqual(['id-card']);
  });
});

describe('what is not personal data stays', () => {
  it('leaves amounts, dates, times, codes and counts', () => {
    const text = [
      '2026年低保金发放：合计 12,345.00 元，人均 1,380.50 元；',
      '发放日期 2026-11-30，截止 2026/12/31 17:00，公示期 2026.11.30—2026.12.07；',
      '村级代码 330521107201，邮编 313200，户数 128 户，人口 456 人，',
      '项目编号 20261130001，凭证号 2026113012345678，金额 ¥1,234,567.89。',
    ].join('');
    expect(findPersonalData(text)).toEqual([]);
    expect(maskPersonalData(text)).toBe(text);
  });

  it('leaves text without digits and the empty string alone', () => {
    expect(maskPersonalData('')).toBe('');
    expect(maskPersonalData('没有任何号码')).toBe('没有任何号码');
  });
});

describe('several numbers in one text', () => {
  it('masks each of them', () => {
    const text = `户主张三 ${ZHANG_ID} 手机 ${MOBILE}；配偶李四 ${LI_ID}，卡号 ${CARD}；`;
    expect(kinds(text)).toEqual(['id-card', 'mobile', 'id-card', 'bank-card']);
    const out = mask(text);
    for (const secret of [ZHANG_ID, MOBILE, LI_ID, CARD, '19900307', '19651231'])
      expect(out).not.toContain(secret);
  });

  it('masks a roster line where numbers are joined by single spaces', () => {
    const text = `1 张三 ${ZHANG_ID} ${MOBILE} ${CARD} 1380.00`;
    const out = mask(text);
    expect(out.startsWith('1 张三 ')).toBe(true);
    expect(out.endsWith(' 1380.00')).toBe(true);
    for (const secret of [ZHANG_ID, MOBILE, CARD, '19900307', '1234']) expect(out).not.toContain(secret);
  });

  it('works on a large text in one pass', () => {
    const line = `张三 ${ZHANG_ID} ${MOBILE} 金额 12,345.00 ${'数据'.repeat(20)}\n`;
    const text = line.repeat(Math.ceil(1_000_000 / line.length));
    const out = maskPersonalData(text);
    expect(out).toHaveLength(text.length);
    expect(out).not.toContain(ZHANG_ID);
    expect(findPersonalData(out)).toEqual([]);
    // One chain of 500,000 single digits: every sequence of up to 19 is a candidate, none is a number.
    expect(maskPersonalData('5 '.repeat(500_000))).toBe('5 '.repeat(500_000));
  });
});

describe('allDigits', () => {
  it('masks every digit of a value with 6 or more, keeping found numbers in their masked form', () => {
    expect(maskPersonalData('33052119900307123', { allDigits: true })).toBe('*'.repeat(17));
    expect(maskPersonalData(`${MOBILE} / 0572-8012345`, { allDigits: true })).toBe(
      '138****5678 / ****-*******',
    );
    expect(maskPersonalData('12345', { allDigits: true })).toBe('12345');
  });
});
