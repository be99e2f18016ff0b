/** The SDK family and the county docs' error page its `docsLink`s point to stay in step. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { docsDrift } from '@cunmen/errors/docs';
import { describe, expect, it } from 'vitest';
import { SDK_ERROR_CODES, sdkErrors } from './errors.js';

const page = readFileSync(
  fileURLToPath(new URL('../../../../docs/docs/county/error-codes.md', import.meta.url)),
  'utf8',
);

describe('docs/docs/county/error-codes.md', () => {
  it('is the page the SDK family links to', () => {
    expect(sdkErrors.docsLink('SDK_ERR_NETWORK')).toBe('/docs/county/error-codes#sdk_err_network');
  });

  it('documents every SDK code and no code the SDK does not have', () => {
    expect(docsDrift(sdkErrors, page)).toEqual({ undocumented: [], unknown: [], wrongStatus: [] });
  });

  it('shows each code with the zh-CN message residents see', () => {
    for (const [code, text] of Object.entries(SDK_ERROR_CODES)) {
      const row = page.split('\n').find((line) => /^\|\s*`/.test(line) && line.includes(`\`${code}\``));
      expect(row, code).toContain(text['zh-CN']);
    }
  });
});
