import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorBody, isErrorBody } from './body.js';
import { CunmenError, defineErrors, isCunmenError } from './define.js';
import { docsDrift } from './docs.js';
import { errorFromIssues, parseWith } from './issues.js';

const family = defineErrors('DEMO', '/docs/demo', {
  DEMO_ERR_BAD_REQUEST: { status: 400, en: 'bad request', zh: '请求有误' },
  DEMO_ERR_EXISTS: { status: 409, en: 'it exists', zh: '已存在' },
});

describe('defineErrors', () => {
  it('refuses a code without the family prefix', () => {
    expect(() => defineErrors('DEMO', '/x', { OTHER_ERR_X: { status: 400, en: 'x', zh: 'x' } })).toThrow(
      'error code OTHER_ERR_X does not start with DEMO_ERR_',
    );
  });

  it('makes coded errors with the table defaults or the thrower texts', () => {
    const plain = family.error('DEMO_ERR_EXISTS');
    expect(plain).toBeInstanceOf(CunmenError);
    expect([plain.code, plain.status, plain.message, plain.zh]).toEqual([
      'DEMO_ERR_EXISTS',
      409,
      'it exists',
      '已存在',
    ]);
    expect(plain.docsLink).toBe('/docs/demo#demo_err_exists');
    const told = family.error('DEMO_ERR_EXISTS', { en: 'a@1 exists', zh: 'a@1 已存在', field: 'version' });
    expect([told.message, told.zh, told.field]).toEqual(['a@1 exists', 'a@1 已存在', 'version']);
    expect(family.owns(told)).toBe(true);
    expect(defineErrors('OTHER', '/y', {}).owns(told)).toBe(false);
  });

  it('recognises an error from another copy of the package by its shape', () => {
    const foreign = { code: 'DEMO_ERR_EXISTS', status: 409, zh: '已存在', message: 'it exists' };
    expect(isCunmenError(foreign)).toBe(true);
    expect(isCunmenError(new Error('x'))).toBe(false);
  });
});

describe('the error body', () => {
  it('carries error, code, message, requestId and field only when set', () => {
    const body = errorBody(family.error('DEMO_ERR_EXISTS', { field: 'name' }), 'req-1');
    expect(body).toEqual({
      error: 'it exists',
      code: 'DEMO_ERR_EXISTS',
      message: '已存在',
      requestId: 'req-1',
      field: 'name',
    });
    expect(Object.keys(errorBody(family.error('DEMO_ERR_EXISTS'), 'r'))).not.toContain('field');
    expect(isErrorBody(body)).toBe(true);
    expect(isErrorBody({ code: 'x' })).toBe(false);
  });
});

describe('issues → one coded error', () => {
  const schema = z.strictObject({ heading: z.string().max(3), count: z.number() });

  it('names the first field and lists every issue in English', () => {
    const err = (() => {
      try {
        parseWith(schema, { heading: 'toolong', count: 'x', color: 'red' }, family, 'DEMO_ERR_BAD_REQUEST');
      } catch (e) {
        return e as CunmenError;
      }
      throw new Error('parse passed');
    })();
    expect(err.code).toBe('DEMO_ERR_BAD_REQUEST');
    expect(err.field).toBe('heading');
    expect(err.zh).toBe('heading：请求有误');
    expect(err.message).toMatch(/^heading: .+; count: .+; \(body\): .*color/);
  });

  it('names the root when the whole value is wrong', () => {
    expect(
      errorFromIssues(family, 'DEMO_ERR_BAD_REQUEST', [{ path: [], message: 'expected object' }], 'query')
        .field,
    ).toBe('(query)');
  });

  it('returns the parsed value when it is valid', () => {
    expect(parseWith(schema, { heading: 'ok', count: 1 }, family, 'DEMO_ERR_BAD_REQUEST')).toEqual({
      heading: 'ok',
      count: 1,
    });
  });
});

describe('docsDrift', () => {
  it('finds missing, unknown and mis-stated codes in headings and tables', () => {
    const page = ['### DEMO_ERR_BAD_REQUEST', '', '| code | status |', '| `DEMO_ERR_GONE` | 410 |'].join(
      '\n',
    );
    expect(docsDrift(family, page)).toEqual({
      undocumented: ['DEMO_ERR_EXISTS'],
      unknown: ['DEMO_ERR_GONE'],
      wrongStatus: [],
    });
    expect(docsDrift(family, '| `DEMO_ERR_EXISTS` | 400 | x |').wrongStatus).toEqual([
      'DEMO_ERR_EXISTS: page says 400, code says 409',
    ]);
  });
});
