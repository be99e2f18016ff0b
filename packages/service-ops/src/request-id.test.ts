import { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { serviceOps } from './plugin.js';
import { requestIdOf, requestIdOptions } from './request-id.js';

const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

async function start() {
  const logs: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) logs.push(JSON.parse(line));
      done();
    },
  });
  const app = Fastify({ ...requestIdOptions(), logger: { level: 'info', stream } });
  apps.push(app);
  await app.register(serviceOps, { service: 'demo' });
  app.get('/work', async (request) => {
    request.log.info('working');
    return { id: request.id };
  });
  app.get('/refused', async () => {
    throw Object.assign(new Error('refused'), { statusCode: 409 });
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, logs };
}

describe('request ids', () => {
  it('keep the id the proxy sent: in the response header, the request and every log line of it', async () => {
    const { url, logs } = await start();
    const id = '5f0c3e6b2a9d4c1e8f7a6b5c4d3e2f10';
    const res = await fetch(`${url}/work`, { headers: { 'x-request-id': id } });
    expect(res.headers.get('x-request-id')).toBe(id);
    expect(await res.json()).toEqual({ id });
    const lines = logs.filter((l) => l.reqId === id).map((l) => l.msg);
    expect(lines).toEqual(expect.arrayContaining(['incoming request', 'working', 'request completed']));
  });

  it('make a new UUID when none is sent, also on an error response', async () => {
    const { url } = await start();
    const a = await fetch(`${url}/work`);
    const b = await fetch(`${url}/refused`);
    expect(a.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(b.status).toBe(409);
    expect(b.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.headers.get('x-request-id')).not.toBe(b.headers.get('x-request-id'));
  });

  it.each([
    ['too short', 'abc'],
    ['too long', 'a'.repeat(129)],
    ['a forged log field', 'abcdefgh" "level":60'],
    ['spaces', 'abcd efgh ijkl'],
  ])('replace a forwarded id that is %s', (_what, value) => {
    const id = requestIdOf({ headers: { 'x-request-id': value } });
    expect(id).not.toBe(value);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
