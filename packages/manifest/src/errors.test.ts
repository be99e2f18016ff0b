import { readFileSync } from 'node:fs';
import { isCunmenError } from '@cunmen/errors';
import { docsDrift } from '@cunmen/errors/docs';
import { describe, expect, it } from 'vitest';
import { ManifestValidationError, manifestErrors } from './errors.js';

const page = readFileSync(
  new URL('../../../docs/docs/county/manifest-reference.md', import.meta.url),
  'utf8',
);

describe('MANIFEST_ERR codes', () => {
  it('are exactly the ones the manifest reference documents, with their status', () => {
    expect(manifestErrors.docsPage).toBe('/docs/county/manifest-reference');
    expect(docsDrift(manifestErrors, page)).toEqual({ undocumented: [], unknown: [], wrongStatus: [] });
  });

  it('an invalid document is a coded error that keeps its issues', () => {
    const issues = [
      { path: 'contributes[0].slot', en: 'contributes[0].slot: bad', zh: 'contributes[0].slot：无效' },
      { path: 'sdk', en: 'sdk: bad', zh: 'sdk：无效' },
    ];
    const err = new ManifestValidationError(issues, 'widget.json');
    expect(isCunmenError(err)).toBe(true);
    expect(manifestErrors.owns(err)).toBe(true);
    expect([err.code, err.status, err.field, err.name]).toEqual([
      'MANIFEST_ERR_INVALID',
      400,
      'contributes[0].slot',
      'ManifestValidationError',
    ]);
    expect(err.message).toBe('invalid widget.json:\ncontributes[0].slot: bad\nsdk: bad');
    expect(err.zh).toBe('contributes[0].slot：无效\nsdk：无效');
    expect(err.issues).toEqual(issues);
    expect(err.docsLink).toBe('/docs/county/manifest-reference#manifest_err_invalid');
  });
});
