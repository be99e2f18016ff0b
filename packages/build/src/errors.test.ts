import { readFileSync } from 'node:fs';
import { isCunmenError } from '@cunmen/errors';
import { docsDrift } from '@cunmen/errors/docs';
import { describe, expect, it } from 'vitest';
import { buildErrors, WidgetBuildError } from './errors.js';

const page = readFileSync(new URL('../../../docs/docs/county/toolchain.md', import.meta.url), 'utf8');

describe('BUILD_ERR codes', () => {
  it('are exactly the ones the toolchain page documents', () => {
    expect(buildErrors.docsPage).toBe('/docs/county/toolchain');
    expect(docsDrift(buildErrors, page)).toEqual({ undocumented: [], unknown: [], wrongStatus: [] });
  });

  it('a build that cannot go on is a coded error carrying every issue', () => {
    const issues = [
      { path: 'exposes', en: 'exposes: missing', zh: 'exposes：缺少' },
      { path: 'sdk', en: 'sdk: bad', zh: 'sdk：无效' },
    ];
    const err = new WidgetBuildError(issues);
    expect(isCunmenError(err)).toBe(true);
    expect(buildErrors.owns(err)).toBe(true);
    expect([err.code, err.status, err.field, err.name]).toEqual([
      'BUILD_ERR_INVALID_WIDGET',
      400,
      'exposes',
      'WidgetBuildError',
    ]);
    expect([err.message, err.zh]).toEqual(['exposes: missing\nsdk: bad', 'exposes：缺少\nsdk：无效']);
    expect(err.issues).toEqual(issues);
    expect(err.docsLink).toBe('/docs/county/toolchain#build_err_invalid_widget');
  });
});
