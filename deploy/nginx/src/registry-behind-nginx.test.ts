/**
 * The rendered configuration in front of a real registry (embedded store), over real HTTP: what nginx
 * caches, what it never caches, and whose address the registry's rate limit sees.
 */
import { buildApp, createAccount, OPERATOR, openStorage } from '@cunmen/registry';
import {
  freePort,
  makeTarball,
  makeTempDir,
  publishDocument,
  publishPath,
  type StartedNginx,
  startNginx,
} from '@cunmen/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderNginxConfig } from './render.js';

interface Setup {
  registry: Awaited<ReturnType<typeof buildApp>>;
  registryUrl: string;
  nginx: StartedNginx;
  token: string;
  close(): Promise<void>;
}

/** A registry trusting nginx's X-Forwarded-For, and nginx in front of it (plus `extraUpstreams`). */
async function registryBehindNginx(options: { trustedProxies?: string[]; extraUpstreams?: string[] } = {}) {
  const dataDir = (await makeTempDir('cunmen-nginx-registry-')).path;
  const storage = await openStorage(dataDir);
  const { token } = await createAccount(storage, OPERATOR, {
    name: 'zj',
    role: 'province',
    county: '330000',
    scope: '@cunmen',
  });
  const registry = await buildApp({
    dataDir,
    storage,
    publicUrl: 'http://registry.invalid',
    trustProxy: ['127.0.0.1'],
  });
  const registryUrl = await registry.listen({ port: 0, host: '127.0.0.1' });
  const upstream = new URL(registryUrl).host;
  const nginx = await startNginx({
    config: ({ prefix, ports }) =>
      renderNginxConfig({
        prefix,
        listen: { registry: `127.0.0.1:${ports[0]}` },
        upstreams: { registry: [upstream, ...(options.extraUpstreams ?? [])] },
        trustedProxies: options.trustedProxies,
        workerProcesses: '1',
      }),
  });
  const setup: Setup = {
    registry,
    registryUrl,
    nginx,
    token,
    async close() {
      await nginx.stop();
      await registry.close();
      await storage.close();
    },
  };
  return setup;
}

/** Publishes a province library (approved on publish) straight to the registry. */
async function publishLibrary(s: Setup, version: string) {
  const name = '@cunmen/village-calendar';
  const tarball = makeTarball([{ path: 'package/package.json', body: JSON.stringify({ name, version }) }]);
  const res = await s.registry.inject({
    method: 'PUT',
    url: publishPath(name),
    headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' },
    payload: JSON.stringify(publishDocument(name, version, tarball)),
  });
  expect(res.statusCode, res.body).toBe(201);
  return { name, tarball };
}

/** How many requests for a route pattern reached the registry (its own /metrics). */
async function reached(s: Setup, route: string): Promise<number> {
  const text = await (await fetch(`${s.registryUrl}/metrics`)).text();
  return text
    .split('\n')
    .filter((l) => l.startsWith('http_requests_total{') && l.includes(`route="${route}"`))
    .reduce((sum, l) => sum + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
}

describe('immutable bytes and packuments through nginx', () => {
  let s: Setup;
  beforeAll(async () => {
    // A second instance that is down: idempotent reads go to the live one.
    s = await registryBehindNginx({ extraUpstreams: [`127.0.0.1:${await freePort()}`] });
  });
  afterAll(() => s?.close());

  it('serves a tarball from its cache on the second request, without asking the registry', async () => {
    const { tarball } = await publishLibrary(s, '1.0.0');
    const url = `${s.nginx.url()}/@cunmen/village-calendar/-/village-calendar-1.0.0.tgz`;
    const tarballRoute = '/:scope/:pkg/-/:file';
    const first = await fetch(url);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-cache-status')).toBe('MISS');
    expect(Buffer.from(await first.arrayBuffer())).toEqual(tarball);
    const asked = await reached(s, tarballRoute);
    const second = await fetch(url);
    expect(second.headers.get('x-cache-status')).toBe('HIT');
    expect(Buffer.from(await second.arrayBuffer())).toEqual(tarball);
    expect(await reached(s, tarballRoute)).toBe(asked);
    // A new version is a new URL: its bytes come from the registry, never from the old entry.
    const next = await publishLibrary(s, '1.0.1');
    const newer = await fetch(url.replaceAll('1.0.0', '1.0.1'));
    expect(newer.headers.get('x-cache-status')).toBe('MISS');
    expect(Buffer.from(await newer.arrayBuffer())).toEqual(next.tarball);
  });

  it('never caches a packument: a version published a moment ago is listed at once', async () => {
    const url = `${s.nginx.url()}/@cunmen%2fvillage-calendar`;
    const before = await fetch(url);
    expect(before.status).toBe(200);
    expect(before.headers.get('x-cache-status')).toBeNull();
    expect(Object.keys((await before.json()).versions)).not.toContain('1.0.2');
    await publishLibrary(s, '1.0.2');
    const after = await fetch(url);
    expect(Object.keys((await after.json()).versions)).toContain('1.0.2');
    expect(after.headers.get('x-cache-status')).toBeNull();
  });

  it('never serves a request bearing a token from the shared cache', async () => {
    const url = `${s.nginx.url()}/@cunmen/village-calendar/-/village-calendar-1.0.2.tgz`;
    const headers = { authorization: `Bearer ${s.token}` };
    for (let i = 0; i < 2; i++) {
      const res = await fetch(url, { headers });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-cache-status')).toBe('BYPASS');
    }
  });

  it('keeps the request id from the edge to the registry, and hides the metrics from the public side', async () => {
    const id = 'edge-3f2a9c1b7d6e5f40';
    const res = await fetch(`${s.nginx.url()}/-/ping`, { headers: { 'x-request-id': id } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe(id);
    const made = await fetch(`${s.nginx.url()}/-/ping`);
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
    expect((await fetch(`${s.nginx.url()}/metrics`)).status).toBe(404);
  });
});

describe('the client address behind nginx', () => {
  const login = (s: Setup, forwardedFor: string) =>
    fetch(`${s.nginx.url()}/-/v1/login`, { method: 'POST', headers: { 'x-forwarded-for': forwardedFor } });

  it('reaches the registry from a trusted proxy in front: each client has its own login rate limit', async () => {
    const s = await registryBehindNginx({ trustedProxies: ['127.0.0.1'] });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) statuses.push((await login(s, '203.0.113.7')).status);
      expect(statuses.slice(0, 10).every((st) => st === 200)).toBe(true);
      expect(statuses[10]).toBe(429);
      expect((await login(s, '198.51.100.4')).status).toBe(200);
    } finally {
      await s.close();
    }
  });

  it('cannot be forged by a client when no proxy in front is trusted', async () => {
    const s = await registryBehindNginx();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) statuses.push((await login(s, `203.0.113.${i}`)).status);
      expect(statuses.slice(0, 10).every((st) => st === 200)).toBe(true);
      expect(statuses[10]).toBe(429);
    } finally {
      await s.close();
    }
  });
});
