import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { defineErrors } from './define.js';
import { installErrorHandler, toErrorResponse } from './fastify.js';

const family = defineErrors('DEMO', '/docs/demo', {
  DEMO_ERR_BAD_REQUEST: { status: 400, en: 'bad request', zh: '请求有误' },
  DEMO_ERR_NOT_FOUND: { status: 404, en: 'not found', zh: '没有找到' },
  DEMO_ERR_TOO_LARGE: { status: 413, en: 'too large', zh: '内容过大' },
  DEMO_ERR_MEDIA_TYPE: { status: 415, en: 'media type', zh: '类型不支持' },
  DEMO_ERR_RATE_LIMITED: { status: 429, en: 'slow down', zh: '操作过于频繁' },
  DEMO_ERR_INTERNAL: { status: 500, en: 'internal error', zh: '系统出错' },
  DEMO_ERR_EXISTS: { status: 409, en: 'it exists', zh: '已存在' },
});
const generic = {
  badRequest: 'DEMO_ERR_BAD_REQUEST',
  notFound: 'DEMO_ERR_NOT_FOUND',
  tooLarge: 'DEMO_ERR_TOO_LARGE',
  mediaType: 'DEMO_ERR_MEDIA_TYPE',
  rateLimited: 'DEMO_ERR_RATE_LIMITED',
  internal: 'DEMO_ERR_INTERNAL',
} as const;

const app = Fastify({ bodyLimit: 10 });
installErrorHandler(app, { family, generic });
app.post('/exists', async () => {
  throw family.error('DEMO_ERR_EXISTS', { field: 'name' });
});
app.post('/boom', async () => {
  throw new Error('secret stack detail');
});
afterAll(() => app.close());

describe('installErrorHandler', () => {
  it('answers a coded error with its status and the one body', async () => {
    const res = await app.inject({ method: 'POST', url: '/exists' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({
      error: 'it exists',
      code: 'DEMO_ERR_EXISTS',
      message: '已存在',
      requestId: res.json().requestId,
      field: 'name',
    });
    expect(res.json().requestId).toMatch(/\S/);
  });

  it("maps Fastify's client errors to the family's generic codes", async () => {
    const big = await app.inject({ method: 'POST', url: '/exists', payload: { a: 'x'.repeat(50) } });
    expect([big.statusCode, big.json().code]).toEqual([413, 'DEMO_ERR_TOO_LARGE']);
    const bad = await app.inject({
      method: 'POST',
      url: '/exists',
      headers: { 'content-type': 'application/json' },
      payload: '{',
    });
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'DEMO_ERR_BAD_REQUEST']);
    const media = await app.inject({
      method: 'POST',
      url: '/exists',
      headers: { 'content-type': 'application/x-nope' },
      payload: 'x',
    });
    expect([media.statusCode, media.json().code, media.json().field]).toEqual([
      415,
      'DEMO_ERR_MEDIA_TYPE',
      'content-type',
    ]);
    const missing = await app.inject({ method: 'GET', url: '/nowhere?x=1' });
    expect([missing.statusCode, missing.json().code, missing.json().error]).toEqual([
      404,
      'DEMO_ERR_NOT_FOUND',
      'no route for GET /nowhere',
    ]);
  });

  it('hides an unexpected error behind the internal code and the request id', async () => {
    const res = await app.inject({ method: 'POST', url: '/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('secret');
    expect(res.json().code).toBe('DEMO_ERR_INTERNAL');
    expect(res.json().error).toBe(`internal error (request id ${res.json().requestId})`);
  });

  it('names the field of a schema validation failure', () => {
    const thrown = {
      statusCode: 400,
      validationContext: 'querystring',
      validation: [{ instancePath: '/page', message: 'must be integer' }],
    };
    const { status, body } = toErrorResponse(thrown, 'r1', family, generic);
    expect([status, body.field, body.error]).toEqual([400, 'page', 'page: must be integer']);
  });
});
