import { readFileSync } from 'node:fs';
import { docsDrift } from '@cunmen/errors/docs';
import { HOST_API_ERRORS } from '@cunmen/host-api';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { handleShellErrors, shellError, shellErrors } from './errors.js';

const docs = readFileSync(
  new URL('../../../docs/docs/province/operate-the-shell.md', import.meta.url),
  'utf8',
);

describe('the SHELL error family', () => {
  it('is documented, with each status, on the page its links point to, and nothing else', () => {
    expect(shellErrors.docsLink('SHELL_ERR_CSRF')).toBe('/docs/province/operate-the-shell#shell_err_csrf');
    expect(docsDrift(shellErrors, docs)).toEqual({ undocumented: [], unknown: [], wrongStatus: [] });
  });

  it("holds the host API contract's codes with their statuses", () => {
    for (const [code, spec] of Object.entries(HOST_API_ERRORS)) {
      expect(shellErrors.codes[code as keyof typeof HOST_API_ERRORS]).toEqual(spec);
    }
  });
});

describe('the one error body', () => {
  const app = Fastify({ bodyLimit: 64 });
  handleShellErrors(app);
  app.post('/slot', async () => {
    throw shellError('SHELL_ERR_UNKNOWN_SLOT', 'widgets[0] …: no slot', {
      zh: 'widgets[0] …：没有插槽',
      widget: '@deqing/find-machinery',
      field: 'widgets[0].placements[0].slot',
    });
  });
  app.post('/boom', async () => {
    throw new Error('SQLITE_BUSY at /srv/x.js:1');
  });
  afterAll(() => app.close());

  it('maps a shell error to its status and a body naming the widget and field', async () => {
    const res = await app.inject({ method: 'POST', url: '/slot' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: 'widgets[0] …: no slot',
      code: 'SHELL_ERR_UNKNOWN_SLOT',
      message: 'widgets[0] …：没有插槽',
      requestId: res.json().requestId,
      widget: '@deqing/find-machinery',
      field: 'widgets[0].placements[0].slot',
    });
    expect(res.json().requestId).toMatch(/\S/);
  });

  it('keeps Fastify client errors 4xx and hides unexpected ones behind a request id', async () => {
    const badJson = await app.inject({
      method: 'POST',
      url: '/slot',
      headers: { 'content-type': 'application/json' },
      payload: '{"a":',
    });
    expect([badJson.statusCode, badJson.json().code]).toEqual([400, 'SHELL_ERR_BAD_REQUEST']);
    const media = await app.inject({
      method: 'POST',
      url: '/slot',
      headers: { 'content-type': 'application/x-nope' },
      payload: 'x',
    });
    expect([media.statusCode, media.json().code]).toEqual([415, 'SHELL_ERR_MEDIA_TYPE']);
    const big = await app.inject({ method: 'POST', url: '/slot', payload: { a: 'x'.repeat(100) } });
    expect([big.statusCode, big.json().code]).toEqual([413, 'SHELL_ERR_BODY_TOO_LARGE']);
    const missing = await app.inject({ url: '/nowhere' });
    expect([missing.statusCode, missing.json().code]).toEqual([404, 'SHELL_ERR_NOT_FOUND']);
    const boom = await app.inject({ method: 'POST', url: '/boom' });
    expect(boom.statusCode).toBe(500);
    expect(boom.json()).toMatchObject({
      code: 'SHELL_ERR_INTERNAL',
      error: `internal shell error (request id ${boom.json().requestId})`,
    });
    expect(boom.body).not.toContain('SQLITE_BUSY');
  });
});
