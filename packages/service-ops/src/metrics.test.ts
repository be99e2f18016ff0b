import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { serviceOps } from './plugin.js';

const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

async function start(metricsToken?: string) {
  const app = Fastify();
  apps.push(app);
  await app.register(serviceOps, { service: 'registry', metricsToken });
  app.get('/:scope/:pkg', async () => ({ ok: true }));
  app.get('/fail', async () => {
    throw Object.assign(new Error('conflict'), { statusCode: 409 });
  });
  return app.listen({ port: 0, host: '127.0.0.1' });
}

/** The value of one sample line, e.g. `http_requests_total{…route="/:scope/:pkg",status_code="200"}`. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const line = text
    .split('\n')
    .find(
      (l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)),
    );
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('GET /metrics', () => {
  it('counts requests by route pattern and status, with a duration histogram and process metrics', async () => {
    const url = await start();
    await fetch(`${url}/@deqing/find-machinery`);
    await fetch(`${url}/@yiyuan/waste-pickup`);
    await fetch(`${url}/fail`);
    await fetch(`${url}/no/such/route/at/all`);
    const res = await fetch(`${url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    const route = { service: 'registry', method: 'GET', route: '/:scope/:pkg', status_code: '200' };
    expect(sample(text, 'http_requests_total', route)).toBe(2);
    expect(sample(text, 'http_request_duration_seconds_count', route)).toBe(2);
    expect(sample(text, 'http_request_duration_seconds_bucket', { ...route, le: '+Inf' })).toBe(2);
    expect(sample(text, 'http_requests_total', { route: '/fail', status_code: '409' })).toBe(1);
    expect(sample(text, 'http_requests_total', { route: '(unmatched)', status_code: '404' })).toBe(1);
    // The concrete URLs never become label values.
    expect(text).not.toContain('find-machinery');
    expect(text).not.toContain('/no/such/route');
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
  });

  it('with a token, answers only requests bearing it (401 OPS_ERR_METRICS_TOKEN otherwise)', async () => {
    const url = await start('s3cret-scrape-token');
    for (const authorization of [undefined, 'Bearer wrong', 'Basic s3cret-scrape-token']) {
      const res = await fetch(`${url}/metrics`, { headers: authorization ? { authorization } : {} });
      expect(res.status, authorization).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect((await res.json()).code).toBe('OPS_ERR_METRICS_TOKEN');
    }
    const ok = await fetch(`${url}/metrics`, { headers: { authorization: 'Bearer s3cret-scrape-token' } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('http_requests_total');
  });
});
