import { readFileSync } from 'node:fs';
import { docsDrift } from '@cunmen/errors/docs';
import { describe, expect, it } from 'vitest';
import { OPS_DOCS_PAGE, opsErrors } from './errors.js';

const page = new URL('../../../docs/docs/province/run-for-a-province.md', import.meta.url);

describe('operations error codes', () => {
  it('are each documented on the page their links point to, with their status, and nothing else', () => {
    expect(OPS_DOCS_PAGE).toBe('/docs/province/run-for-a-province');
    expect(docsDrift(opsErrors, readFileSync(page, 'utf8'))).toEqual({
      undocumented: [],
      unknown: [],
      wrongStatus: [],
    });
  });

  it('carry English and zh-CN texts', () => {
    for (const [code, spec] of Object.entries(opsErrors.codes)) {
      expect(spec.en, code).toMatch(/\S/);
      expect(spec.zh, code).toMatch(/\p{Script=Han}/u);
    }
  });
});
