import { readFileSync } from 'node:fs';
import { docsDrift } from '@cunmen/errors/docs';
import { toErrorResponse } from '@cunmen/errors/fastify';
import { describe, expect, it } from 'vitest';
import { GENERIC_CODES, isRegistryError, regError, registryErrors } from './errors.js';

const docs = readFileSync(new URL('../../docs/docs/province/run-the-registry.md', import.meta.url), 'utf8');

describe('registry error codes', () => {
  it('are each documented on the page their links point to, with their status, and nothing else', () => {
    expect(registryErrors.docsPage).toBe('/docs/province/run-the-registry');
    expect(docsDrift(registryErrors, docs)).toEqual({ undocumented: [], unknown: [], wrongStatus: [] });
  });

  it('carry English and zh-CN texts', () => {
    for (const [code, spec] of Object.entries(registryErrors.codes)) {
      expect(spec.en, code).toMatch(/\S/);
      expect(spec.zh, code).toMatch(/\p{Script=Han}/u);
    }
  });

  it('map a registry error to its status and the one body', () => {
    const err = regError('REG_ERR_VERSION_EXISTS', 'cannot publish over existing version @deqing/x@1.0.0', {
      field: 'version',
    });
    expect(isRegistryError(err)).toBe(true);
    expect(err.docsLink).toBe('/docs/province/run-the-registry#reg_err_version_exists');
    expect(toErrorResponse(err, 'r1', registryErrors, GENERIC_CODES)).toEqual({
      status: 409,
      unexpected: false,
      body: {
        error: 'cannot publish over existing version @deqing/x@1.0.0',
        code: 'REG_ERR_VERSION_EXISTS',
        message: '该版本已发布过',
        requestId: 'r1',
        field: 'version',
      },
    });
  });

  it("keeps Fastify's client errors 4xx and hides unexpected ones behind a request id", () => {
    const badJson = Object.assign(new Error('Unexpected end of JSON input'), { statusCode: 400 });
    expect(toErrorResponse(badJson, 'r2', registryErrors, GENERIC_CODES).body).toMatchObject({
      error: 'Unexpected end of JSON input',
      code: 'REG_ERR_BAD_REQUEST',
    });
    const tooLarge = { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 };
    expect(toErrorResponse(tooLarge, 'r3', registryErrors, GENERIC_CODES)).toMatchObject({
      status: 413,
      body: { error: 'request body is larger than the registry accepts', code: 'REG_ERR_BODY_TOO_LARGE' },
    });
    const unexpected = toErrorResponse(
      new Error('SQLITE_BUSY at /srv/x.js:1'),
      'req-7',
      registryErrors,
      GENERIC_CODES,
    );
    expect(unexpected).toEqual({
      status: 500,
      unexpected: true,
      body: {
        error: 'internal registry error (request id req-7)',
        code: 'REG_ERR_INTERNAL',
        message: '仓库内部错误（编号 req-7）',
        requestId: 'req-7',
      },
    });
  });
});
