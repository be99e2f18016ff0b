import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, RegistryError, toErrorResponse } from './errors.js';

const docs = readFileSync(new URL('../../docs/docs/province/run-the-registry.md', import.meta.url), 'utf8');

describe('error codes', () => {
  it('documents every code with its status, and nothing else', () => {
    const rows = [...docs.matchAll(/^\|\s*`(REG_ERR_[A-Z_]+)`\s*\|\s*(\d{3})\s*\|/gm)].map((m) => [
      m[1],
      Number(m[2]),
    ]);
    expect(Object.fromEntries(rows)).toEqual(ERROR_CODES);
  });

  it('maps a registry error to its status and body', () => {
    expect(toErrorResponse(new RegistryError('REG_ERR_VERSION_EXISTS', 'cannot publish'), 'r1')).toEqual({
      status: 409,
      body: { error: 'cannot publish', code: 'REG_ERR_VERSION_EXISTS' },
    });
  });

  it('keeps Fastify client errors 4xx and hides unexpected ones behind a request id', () => {
    const badJson = Object.assign(new Error('Unexpected end of JSON input'), { statusCode: 400 });
    expect(toErrorResponse(badJson, 'r2')).toEqual({
      status: 400,
      body: { error: 'Unexpected end of JSON input', code: 'REG_ERR_BAD_REQUEST' },
    });
    expect(toErrorResponse(new Error('SQLITE_BUSY at /srv/x.js:1'), 'req-7')).toEqual({
      status: 500,
      body: { error: 'internal registry error (request id req-7)', code: 'REG_ERR_INTERNAL' },
    });
  });
});
