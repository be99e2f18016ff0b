import { describe, expect, it } from 'vitest';
import {
  checkCollection,
  checkCursor,
  checkFilename,
  checkFormId,
  checkId,
  checkIfVersion,
  checkKnownFields,
  checkLimit,
  checkModuleId,
  checkModulePath,
  checkPointsRequest,
} from './checks.js';

describe('input checks accept what the contract allows', () => {
  it.each([
    ['collection', () => checkCollection('bookings-2025')],
    ['63-character collection', () => checkCollection(`a${'b'.repeat(62)}`)],
    ['form id', () => checkFormId('waste-pickup')],
    ['id', () => checkId('Doc_1-a')],
    ['128-character id', () => checkId(`a${'b'.repeat(127)}`)],
    ['limit 1', () => checkLimit(1)],
    ['limit 100', () => checkLimit(100)],
    ['cursor', () => checkCursor('czE')],
    ['no ifVersion', () => checkIfVersion(undefined)],
    ['ifVersion 3', () => checkIfVersion(3)],
    ['known fields', () => checkKnownFields({ data: 1 }, ['data', 'ifVersion'])],
    ['minimal points request', () => checkPointsRequest({ item: '垃圾分类' })],
    [
      'full points request',
      () =>
        checkPointsRequest({
          item: '垃圾分类',
          householdId: 'H-0012',
          quantity: 10_000,
          note: 'x'.repeat(500),
          evidence: Array.from({ length: 9 }, (_, i) => `m${i}`),
        }),
    ],
    ['file name', () => checkFilename('旧沙发 1.jpg')],
    ['module path', () => checkModulePath('/cases/JS1?x=1')],
    ['module id', () => checkModuleId('complaints')],
  ])('%s', (_, run) => {
    expect(run()).toBeUndefined();
  });
});

describe('input checks name the field they refuse', () => {
  it.each([
    ['upper-case collection', () => checkCollection('Bookings'), 'collection'],
    ['collection with a slash', () => checkCollection('a/b'), 'collection'],
    ['64-character collection', () => checkCollection(`a${'b'.repeat(63)}`), 'collection'],
    ['collection that is no string', () => checkCollection(7), 'collection'],
    ['form id with a space', () => checkFormId('Sign Up'), 'formId'],
    ['empty id', () => checkId(''), 'id'],
    ['id with ..', () => checkId('../x'), 'id'],
    ['id starting with -', () => checkId('-bad', 'evidence[0]'), 'evidence[0]'],
    ['limit 0', () => checkLimit(0), 'limit'],
    ['limit 101', () => checkLimit(101), 'limit'],
    ['fractional limit', () => checkLimit(2.5), 'limit'],
    ['limit as text', () => checkLimit('10'), 'limit'],
    ['empty cursor', () => checkCursor(''), 'cursor'],
    ['long cursor', () => checkCursor('c'.repeat(513)), 'cursor'],
    ['ifVersion 0', () => checkIfVersion(0), 'ifVersion'],
    ['ifVersion as text', () => checkIfVersion('1'), 'ifVersion'],
    ['unknown field', () => checkKnownFields({ data: 1, sort: 'asc' }, ['data']), 'sort'],
    ['points request that is no object', () => checkPointsRequest([]), 'request'],
    ['blank points item', () => checkPointsRequest({ item: ' ' }), 'item'],
    ['long points item', () => checkPointsRequest({ item: 'x'.repeat(101) }), 'item'],
    ['bad household', () => checkPointsRequest({ item: 'x', householdId: 'a b' }), 'householdId'],
    ['fractional quantity', () => checkPointsRequest({ item: 'x', quantity: 1.5 }), 'quantity'],
    ['quantity over the maximum', () => checkPointsRequest({ item: 'x', quantity: 10_001 }), 'quantity'],
    ['long note', () => checkPointsRequest({ item: 'x', note: 'x'.repeat(501) }), 'note'],
    ['ten photos', () => checkPointsRequest({ item: 'x', evidence: Array(10).fill('m') }), 'evidence'],
    ['bad photo id', () => checkPointsRequest({ item: 'x', evidence: ['ok', 'a b'] }), 'evidence[1]'],
    ['file name with a path', () => checkFilename('../a.jpg'), 'filename'],
    ['blank file name', () => checkFilename('  ', 'x-filename'), 'x-filename'],
    ['file name with a control character', () => checkFilename('a\u0000.jpg'), 'filename'],
    ['relative module path', () => checkModulePath('cases'), 'path'],
    ['module path to another host', () => checkModulePath('//evil.example/x'), 'path'],
    ['module path with ..', () => checkModulePath('/a/../b'), 'path'],
    ['module path with a space', () => checkModulePath('/a b'), 'path'],
    ['empty module id', () => checkModuleId(''), 'module'],
  ])('%s → %s', (_, run, field) => {
    const problem = run();
    expect(problem?.field).toBe(field);
    expect(problem?.en).toMatch(/\S/);
    expect(problem?.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('says what was expected in both languages', () => {
    expect(checkLimit(0)).toEqual({
      field: 'limit',
      en: 'expected an integer from 1 to 100',
      zh: '应为 1 到 100 之间的整数',
    });
  });
});
