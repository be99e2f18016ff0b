import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ShellError, toErrorResponse } from './errors.js';

const docs = readFileSync(
  new URL('../../../docs/docs/province/operate-the-shell.md', import.meta.url),
  'utf8',
);

describe('error codes', () => {
  it('documents every code with its status, and nothing else', () => {
    const rows = [...docs.matchAll(/^\|\s*`(SHELL_ERR_[A-Z_]+)`\s*\|\s*(\d{3})\s*\|/gm)].map((m) => [
      m[1],
      Number(m[2]),
    ]);
    expect(Object.fromEntries(rows)).toEqual(ERROR_CODES);
  });

  it('maps a shell error to its status and a bilingual body naming the widget and field', () => {
    const err = new ShellError('SHELL_ERR_UNKNOWN_SLOT', 'widgets[0] …: no slot', {
      zh: 'widgets[0] …：没有插槽',
      widget: '@deqing/find-machinery',
      field: 'widgets[0].placements[0].slot',
    });
    expect(toErrorResponse(err, 'r1')).toEqual({
      status: 400,
      body: {
        error: 'widgets[0] …: no slot',
        code: 'SHELL_ERR_UNKNOWN_SLOT',
        message: { 'zh-CN': 'widgets[0] …：没有插槽', en: 'widgets[0] …: no slot' },
        widget: '@deqing/find-machinery',
        field: 'widgets[0].placements[0].slot',
      },
    });
  });

  it('keeps Fastify client errors 4xx and hides unexpected ones behind a request id', () => {
    const badJson = Object.assign(new Error('Unexpected end of JSON input'), { statusCode: 400 });
    expect(toErrorResponse(badJson, 'r2')).toMatchObject({
      status: 400,
      body: { error: 'Unexpected end of JSON input', code: 'SHELL_ERR_BAD_REQUEST' },
    });
    const media = Object.assign(new Error('Unsupported Media Type'), { statusCode: 415 });
    expect(toErrorResponse(media, 'r3').status).toBe(415);
    const big = Object.assign(new Error('too large'), {
      code: 'FST_ERR_CTP_BODY_TOO_LARGE',
      statusCode: 413,
    });
    expect(toErrorResponse(big, 'r4')).toMatchObject({
      status: 413,
      body: { code: 'SHELL_ERR_BODY_TOO_LARGE' },
    });
    expect(toErrorResponse(new Error('SQLITE_BUSY at /srv/x.js:1'), 'req-7')).toMatchObject({
      status: 500,
      body: { error: 'internal shell error (request id req-7)', code: 'SHELL_ERR_INTERNAL' },
    });
  });
});
