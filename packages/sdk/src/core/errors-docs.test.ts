/** Every SDK error code is documented on the county docs' error page (the Fastify errors.md idea). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SDK_ERROR_CODES } from './errors.js';

const page = readFileSync(
  fileURLToPath(new URL('../../../../docs/docs/county/error-codes.md', import.meta.url)),
  'utf8',
);
const documented = new Set([...page.matchAll(/`(SDK_ERR_[A-Z_]+)`/g)].map((m) => m[1] ?? ''));

describe('docs/docs/county/error-codes.md', () => {
  it('documents every SDK error code with its zh-CN message', () => {
    for (const [code, text] of Object.entries(SDK_ERROR_CODES)) {
      expect(documented, code).toContain(code);
      const row = page.split('\n').find((line) => line.includes(`\`${code}\``));
      expect(row, code).toContain(text['zh-CN']);
    }
  });

  it('documents no SDK code that does not exist', () => {
    expect([...documented].filter((code) => !(code in SDK_ERROR_CODES))).toEqual([]);
  });
});
