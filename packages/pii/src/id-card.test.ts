import { describe, expect, it } from 'vitest';
import { id18, id18WithX, luhnCard, notLuhnCard, toFullWidth, wrongCheck, ZHANG_ID } from '../test/corpus.js';
import { idCardCheckChar, isValidIdCard } from './id-card.js';
import { isBankCard, isLuhn } from './luhn.js';

describe('isValidIdCard', () => {
  it('accepts 18-digit numbers with the right check character, X included', () => {
    expect(isValidIdCard(ZHANG_ID)).toBe(true);
    expect(isValidIdCard('11010519491231002X')).toBe(true); // the standard's own example
    const withX = id18WithX('440106', '20000229');
    expect(withX.endsWith('X')).toBe(true);
    expect(isValidIdCard(withX)).toBe(true);
    expect(isValidIdCard(withX.toLowerCase())).toBe(true);
    expect(idCardCheckChar(withX.slice(0, 17))).toBe('X');
  });

  it('accepts full-width digits and separators', () => {
    expect(isValidIdCard(toFullWidth(ZHANG_ID))).toBe(true);
    expect(isValidIdCard(`${ZHANG_ID.slice(0, 6)} ${ZHANG_ID.slice(6, 14)} ${ZHANG_ID.slice(14)}`)).toBe(
      true,
    );
  });

  it('refuses a wrong check character, region or date', () => {
    expect(isValidIdCard(wrongCheck(ZHANG_ID))).toBe(false);
    expect(isValidIdCard(id18('990521', '19900307', '123'))).toBe(false); // no province 99
    expect(isValidIdCard(id18('330521', '19900230', '123'))).toBe(false); // 30 February
    expect(isValidIdCard(id18('330521', '19000229', '123'))).toBe(false); // 1900 was not a leap year
    expect(isValidIdCard(id18('330521', '18991231', '123'))).toBe(false);
    expect(isValidIdCard(id18('330521', '20991231', '123'))).toBe(false); // not born yet
    expect(isValidIdCard('33052119900307123')).toBe(false);
    expect(isValidIdCard('')).toBe(false);
  });

  it('accepts the old 15-digit form with a real date', () => {
    expect(isValidIdCard('330521900307123')).toBe(true);
    expect(isValidIdCard('330521900230123')).toBe(false);
    expect(isValidIdCard('990521900307123')).toBe(false);
  });
});

describe('isLuhn and isBankCard', () => {
  it('checks Luhn', () => {
    expect(isLuhn('79927398713')).toBe(true);
    expect(isLuhn('79927398710')).toBe(false);
    expect(isLuhn('4111 1111 1111 1111')).toBe(true);
    expect(isLuhn('')).toBe(false);
    expect(isLuhn('12a4')).toBe(false);
  });

  it('takes 16-19 digits of a card issuer that pass Luhn', () => {
    expect(isBankCard(luhnCard('622202123456789012'))).toBe(true);
    expect(isBankCard(luhnCard('955880123456789'))).toBe(true);
    expect(isBankCard(notLuhnCard('622202123456789012'))).toBe(false);
    expect(isBankCard(luhnCard('20241130123456'))).toBe(false); // an order number that starts with a year
    expect(isBankCard(luhnCard('62220212345'))).toBe(false); // too short
  });
});
