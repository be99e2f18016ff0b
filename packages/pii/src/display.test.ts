import { describe, expect, it } from 'vitest';
import { findPersonalData } from './detect.js';
import { maskPhone } from './display.js';

describe('maskPhone', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['138-1234-5678', '138****5678'],
    ['１３８１２３４５６７８', '138****5678'],
    ['8613812345678', '86138****5678'],
    ['0572-8012345', '*******2345'],
    ['12345678901', '*******8901'],
    ['8012', '****'],
    ['', ''],
  ])('shows %s as %s', (phone, shown) => {
    expect(maskPhone(phone)).toBe(shown);
  });

  it('leaves nothing the detector would find', () => {
    for (const phone of ['13812345678', '0086 138 1234 5678', '330521199003071234']) {
      expect(findPersonalData(maskPhone(phone))).toEqual([]);
    }
  });
});
