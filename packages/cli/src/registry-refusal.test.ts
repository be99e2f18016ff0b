import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ADVISED_CODES,
  describeRefusal,
  REGISTRY_ERRORS_PAGE,
  readRefusal,
  refusedBy,
  registryDocsLink,
} from './registry-refusal.js';

const body = (code: string, error: string) => ({ error, code, message: '中文说明', requestId: 'req-9' });

describe('readRefusal', () => {
  it("reads the registry's error body", () => {
    const res = {
      status: 409,
      body: { ...body('REG_ERR_VERSION_EXISTS', 'cannot publish'), field: 'version' },
    };
    expect(readRefusal(res)).toEqual({
      status: 409,
      code: 'REG_ERR_VERSION_EXISTS',
      error: 'cannot publish',
      field: 'version',
      requestId: 'req-9',
    });
  });

  it('drops the code and link the registry appends to `error` for npm, which the CLI prints apart', () => {
    const error =
      'cannot publish over existing version @deqing/x@1.0.0 (REG_ERR_VERSION_EXISTS; see /docs/province/run-the-registry#reg_err_version_exists)';
    expect(readRefusal({ status: 409, body: body('REG_ERR_VERSION_EXISTS', error) }).error).toBe(
      'cannot publish over existing version @deqing/x@1.0.0',
    );
  });

  it("falls back to npm's older shapes and to the status line, never inventing a code", () => {
    expect(readRefusal({ status: 403, body: { reason: 'forbidden' } })).toMatchObject({
      code: null,
      error: 'forbidden',
    });
    expect(readRefusal({ status: 502, body: '<html>Bad Gateway</html>' })).toMatchObject({
      code: null,
      error: 'HTTP 502',
    });
    expect(readRefusal({ status: 400, body: { error: 'x', code: 'not a code' } }).code).toBeNull();
  });
});

describe('describeRefusal', () => {
  it('prints the code, the next step the code calls for, the docs anchor and the request id', () => {
    const text = describeRefusal(
      'the registry refused the publish',
      readRefusal({
        status: 409,
        body: body('REG_ERR_VERSION_EXISTS', 'cannot publish over existing version'),
      }),
    );
    expect(text).toBe(
      [
        'the registry refused the publish (409 REG_ERR_VERSION_EXISTS): cannot publish over existing version',
        '  next: versions are immutable: raise the version (npm version patch), build and publish again',
        '  docs: /docs/province/run-the-registry#reg_err_version_exists',
        '  request id: req-9',
      ].join('\n'),
    );
  });

  it('chooses the advice by code, whatever the text says', () => {
    const misleading = body('REG_ERR_UNAUTHORIZED', 'cannot publish over existing version');
    const text = describeRefusal('x', readRefusal({ status: 401, body: misleading }));
    expect(text).toContain('next: log in again');
    expect(text).not.toContain('immutable');
    const unknown = describeRefusal(
      'x',
      readRefusal({ status: 400, body: body('REG_ERR_SOMETHING_NEW', 'new') }),
    );
    expect(unknown).toBe(
      'x (400 REG_ERR_SOMETHING_NEW): new\n  docs: /docs/province/run-the-registry#reg_err_something_new\n  request id: req-9',
    );
  });

  it('says only the status and text when there is no code', () => {
    expect(describeRefusal('x', readRefusal({ status: 502, body: null }))).toBe('x (502): HTTP 502');
  });
});

describe('refusedBy', () => {
  it('is a CLI error that exits 1', () => {
    const err = refusedBy('login refused', {
      status: 401,
      body: body('REG_ERR_BAD_LOGIN', 'wrong user name or password'),
    });
    expect(err.exitCode).toBe(1);
    expect(err.message).toContain(`docs: ${registryDocsLink('REG_ERR_BAD_LOGIN')}`);
  });
});

describe('the codes the CLI knows', () => {
  it('are documented, each in its own row, on the page the links point to', () => {
    const file = new URL(`../../../docs${REGISTRY_ERRORS_PAGE}.md`, import.meta.url);
    const page = readFileSync(file, 'utf8');
    const documented = new Set([...page.matchAll(/^\|\s*`(REG_ERR_[A-Z0-9_]+)`\s*\|/gm)].map((m) => m[1]));
    expect(ADVISED_CODES.length).toBeGreaterThan(5);
    expect(ADVISED_CODES.filter((code) => !documented.has(code))).toEqual([]);
  });

  // What the registry's publish, login and whoami paths throw (registry/src/services/publish,
  // routes/login.ts, the auth hook): each gets a next step, not only the code.
  it.each([
    'REG_ERR_UNAUTHORIZED',
    'REG_ERR_FORBIDDEN',
    'REG_ERR_FORBIDDEN_SCOPE',
    'REG_ERR_NOT_FOUND',
    'REG_ERR_VERSION_EXISTS',
    'REG_ERR_BAD_REQUEST',
    'REG_ERR_BAD_PUBLISH',
    'REG_ERR_NAME_MISMATCH',
    'REG_ERR_INVALID_VERSION',
    'REG_ERR_INTEGRITY_MISMATCH',
    'REG_ERR_SHASUM_MISMATCH',
    'REG_ERR_BAD_TARBALL',
    'REG_ERR_UNSAFE_TARBALL',
    'REG_ERR_MANIFEST_MISSING',
    'REG_ERR_MANIFEST_INVALID',
    'REG_ERR_SDK_UNSUPPORTED',
    'REG_ERR_BODY_TOO_LARGE',
    'REG_ERR_MEDIA_TYPE',
    'REG_ERR_BAD_LOGIN',
    'REG_ERR_RATE_LIMITED',
    'REG_ERR_INTERNAL',
  ])('%s, which a publish or a login can meet, comes with a next step', (code) => {
    const text = describeRefusal('x', readRefusal({ status: 400, body: body(code, 'refused') }));
    expect(text).toMatch(/\n {2}next: \S/);
  });
});
