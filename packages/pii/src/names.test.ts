import { describe, expect, it } from 'vitest';
import { findPersonalData } from './detect.js';
import { maskPersonalData } from './mask.js';
import { maskName, maskNameList } from './names.js';

describe('maskName', () => {
  it('keeps the surname and masks every other character', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('王小明')).toBe('王**');
    expect(maskName('李')).toBe('*');
    expect(maskName('  赵四  ')).toBe('赵*');
    expect(maskName('')).toBe('');
  });

  it('keeps a two-character compound surname', () => {
    expect(maskName('欧阳娜娜')).toBe('欧阳**');
    expect(maskName('司马光')).toBe('司马*');
    expect(maskName('诸葛亮')).toBe('诸葛*');
    expect(maskName('上官婉儿')).toBe('上官**');
    expect(maskName('欧阳')).toBe('欧*'); // two characters: only the first stays
    expect(maskName('欧小阳')).toBe('欧**');
  });

  it('keeps spaces and middle dots, and the first letter of names in other scripts', () => {
    expect(maskName('张　三')).toBe('张　*');
    expect(maskName('阿依古丽·买买提')).toBe('阿***·***');
    expect(maskName('Li Ming')).toBe('L* ****');
    expect(maskName('𠮷田')).toBe('𠮷*'); // a character outside the BMP is one character
  });
});

describe('maskNameList', () => {
  it('masks each name of a list and leaves totals', () => {
    expect(maskNameList('张三、李四,王小明')).toBe('张*、李*,王**');
    expect(maskNameList('张三\n李四')).toBe('张*\n李*');
    expect(maskNameList('合计')).toBe('合计');
    expect(maskNameList(' 合 计 ')).toBe(' 合 计 ');
  });
});

describe('maskPersonalData with names', () => {
  it('masks the given names wherever they occur, the longest first', () => {
    const names = ['张三', '张三丰', '欧阳娜娜'];
    expect(maskPersonalData('张三丰和张三、欧阳娜娜来信', { names })).toBe('张**和张*、欧阳**来信');
  });

  it('ignores single characters, digits and totals', () => {
    expect(maskPersonalData('王家村合计 12 户', { names: ['王', '合计', '12'] })).toBe('王家村合计 12 户');
  });

  it('masks names and numbers together', () => {
    const out = maskPersonalData('张三（13812345678）', { names: ['张三'] });
    expect(out).toBe('张*（138****5678）');
    expect(findPersonalData(out)).toEqual([]);
  });

  it('finds a number that a masked name uncovers', () => {
    // Glued to letters, the number is part of a code; once the name is masked, it is not.
    expect(findPersonalData('Li13812345678')).toEqual([]);
    const out = maskPersonalData('Li13812345678', { names: ['Li'] });
    expect(out).toBe('L*138****5678');
    expect(findPersonalData(out)).toEqual([]);
  });
});
