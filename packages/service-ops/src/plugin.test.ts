import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { serviceOps } from './plugin.js';
import type { ReadinessCheck } from './readiness.js';
import { requestIdOptions } from './request-id.js';

const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

/** A real server on a free port with the plugin. */
async function start(options: { checks?: Record<string, ReadinessCheck> } = {}) {
  const app = Fastify(requestIdOptions());
  apps.push(app);
  await app.register(serviceOps, { service: 'demo', checkTimeoutMs: 300, ...options });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url };
}

describe('GET /healthz', () => {
  it('answers while the process runs, without asking any dependency', async () => {
    const { url } = await start({ checks: { database: () => Promise.reject(new Error('down')) } });
    const res = await fetch(`${url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });
});

describe('GET /readyz', () => {
  it('is 200 with each check timed when every dependency answers', async () => {
    const { url } = await start({ checks: { database: async () => 1, objects: async () => true } });
    const res = await fetch(`${url}/readyz`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ ok: true, checks: { database: { ok: true }, objects: { ok: true } } });
    expect(typeof body.checks.database.ms).toBe('number');
  });

  it('is 503 OPS_ERR_NOT_READY naming the check that failed and why', async () => {
    const { url } = await start({
      checks: { database: async () => 1, objects: () => Promise.reject(new Error('connect ECONNREFUSED')) },
    });
    const res = await fetch(`${url}/readyz`);
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body).toMatchObject({
      code: 'OPS_ERR_NOT_READY',
      error: 'not ready: objects (connect ECONNREFUSED)',
      message: '本实例依赖的服务暂不可用',
      requestId: res.headers.get('x-request-id'),
      checks: { database: { ok: true }, objects: { ok: false, error: 'connect ECONNREFUSED' } },
    });
  });

  it('counts a check that hangs as failed once its timeout passes', async () => {
    const { url } = await start({ checks: { database: () => new Promise(() => {}) } });
    const started = Date.now();
    const res = await fetch(`${url}/readyz`);
    expect(res.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(2000);
    expect((await res.json()).checks.database).toMatchObject({ ok: false, error: 'no answer within 300 ms' });
  });

  it('turns 503 OPS_ERR_SHUTTING_DOWN once the instance drains, while other routes still answer', async () => {
    const app = Fastify();
    apps.push(app);
    await app.register(serviceOps, { service: 'demo' });
    app.get('/work', async () => 'done');
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    app.ops.drain();
    const res = await fetch(`${url}/readyz`);
    expect(res.status).toBe(503);
    expect((await res.json()).code).toBe('OPS_ERR_SHUTTING_DOWN');
    expect(await (await fetch(`${url}/work`)).text()).toBe('done');
  });
});
