import { describe, expect, it } from 'vitest';
import * as pii from './index.js';

describe('the public API', () => {
  it('exports the names other modules call', () => {
    for (const name of [
      'maskPersonalData',
      'findPersonalData',
      'maskName',
      'isValidIdCard',
      'isLuhn',
      'maskTable',
      'maskCsv',
      'maskXlsx',
      'maskTableFile',
      'PiiError',
    ]) {
      expect(typeof (pii as Record<string, unknown>)[name], name).toBe('function');
    }
    expect(pii.DEFAULT_LIMITS).toEqual({
      maxBytes: 10 * 1024 * 1024,
      maxRows: 50_000,
      maxColumns: 200,
      maxUnpackedBytes: 64 * 1024 * 1024,
    });
  });
});
