import { afterEach, describe, expect, it, vi } from 'vitest';
import { CapabilityDeniedError, HostError } from './errors.js';
import type { HostApi } from './host-api.js';
import { createHttpHostApi } from './http-host-api.js';

interface Seen {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

type Responder = (seen: Seen) => Response | Promise<Response>;

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

const doc = {
  id: 'doc-1',
  data: { a: 1 },
  version: 1,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
};

/** An in-test fetch: records each request and answers with `respond`. */
function client(respond: Responder, extra: Partial<Parameters<typeof createHttpHostApi>[0]> = {}) {
  const seen: Seen[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, key) => {
      headers[key] = value;
    });
    const raw = init?.body;
    const body = typeof raw === 'string' ? JSON.parse(raw) : raw;
    const entry = { url: String(input), method: init?.method ?? 'GET', headers, body };
    seen.push(entry);
    return respond(entry);
  }) as unknown as typeof globalThis.fetch;
  const api = createHttpHostApi({
    baseUrl: 'https://shell.example/',
    credential: 'tok-123',
    fetch,
    ...extra,
  });
  return { api, seen };
}

const base = 'https://shell.example/api/host/v1';

describe('createHttpHostApi requests', () => {
  it('GET /me with the bearer credential and returns the user', async () => {
    const user = { id: 'u1', displayName: '张*华', role: 'resident' };
    const { api, seen } = client(() => json(200, { user }));
    await expect(api.me()).resolves.toEqual(user);
    expect(seen).toEqual([
      {
        url: `${base}/me`,
        method: 'GET',
        headers: { accept: 'application/json', authorization: 'Bearer tok-123' },
        body: undefined,
      },
    ]);
  });

  it('me() resolves null when nobody is signed in', async () => {
    const { api } = client(() => json(200, { user: null }));
    await expect(api.me()).resolves.toBeNull();
  });

  it('reads a credential function before every request', async () => {
    let n = 0;
    const { api, seen } = client(() => json(200, { user: null }), { credential: () => `tok-${++n}` });
    await api.me();
    await api.me();
    expect(seen.map((s) => s.headers.authorization)).toEqual(['Bearer tok-1', 'Bearer tok-2']);
  });

  it('lists with cursor and limit in the query', async () => {
    const { api, seen } = client(() => json(200, { items: [doc], nextCursor: 'abc' }));
    await expect(api.store.list('bookings', { cursor: 'c/9', limit: 5 })).resolves.toEqual({
      items: [doc],
      nextCursor: 'abc',
    });
    expect(seen[0]?.url).toBe(`${base}/store/bookings?cursor=c%2F9&limit=5`);
    expect(seen[0]?.method).toBe('GET');
  });

  it('lists the first page with the default limit of 20', async () => {
    const { api, seen } = client(() => json(200, { items: [], nextCursor: null }));
    await api.store.list('bookings');
    expect(seen[0]?.url).toBe(`${base}/store/bookings?limit=20`);
  });

  it('gets one document, and null for SHELL_ERR_NOT_FOUND', async () => {
    const { api, seen } = client((s) =>
      s.url.endsWith('/doc-1')
        ? json(200, doc)
        : json(404, { code: 'SHELL_ERR_NOT_FOUND', message: '未找到' }),
    );
    await expect(api.store.get('bookings', 'doc-1')).resolves.toEqual(doc);
    await expect(api.store.get('bookings', 'doc-2')).resolves.toBeNull();
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      `GET ${base}/store/bookings/doc-1`,
      `GET ${base}/store/bookings/doc-2`,
    ]);
  });

  it('a 404 without SHELL_ERR_NOT_FOUND (wrong baseUrl) is an error, not null', async () => {
    const { api } = client(() => new Response('<html>Not Found</html>', { status: 404 }));
    await expect(api.store.get('bookings', 'doc-1')).rejects.toMatchObject({
      code: 'SDK_ERR_BAD_RESPONSE',
      status: 404,
    });
  });

  it('creates with POST { data }', async () => {
    const { api, seen } = client(() => json(201, doc));
    await expect(api.store.create('bookings', { a: 1 })).resolves.toEqual(doc);
    expect(seen[0]).toMatchObject({
      url: `${base}/store/bookings`,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer tok-123' },
      body: { data: { a: 1 } },
    });
  });

  it('puts with PUT { data, ifVersion }', async () => {
    const { api, seen } = client(() => json(200, { ...doc, version: 3 }));
    await api.store.put('bookings', 'doc-1', { a: 2 }, { ifVersion: 2 });
    await api.store.put('bookings', 'doc-1', { a: 3 });
    expect(seen[0]).toMatchObject({
      url: `${base}/store/bookings/doc-1`,
      method: 'PUT',
      body: { data: { a: 2 }, ifVersion: 2 },
    });
    expect(seen[1]?.body).toEqual({ data: { a: 3 } });
  });

  it('removes with DELETE and accepts 204 and an already-gone 404', async () => {
    const { api, seen } = client((s) =>
      s.url.endsWith('/doc-1')
        ? new Response(null, { status: 204 })
        : json(404, { code: 'SHELL_ERR_NOT_FOUND', message: '未找到' }),
    );
    await expect(api.store.remove('bookings', 'doc-1')).resolves.toBeUndefined();
    await expect(api.store.remove('bookings', 'doc-2')).resolves.toBeUndefined();
    expect(seen[0]).toMatchObject({ url: `${base}/store/bookings/doc-1`, method: 'DELETE', body: undefined });
  });

  it('submits a form with POST /forms/:formId { data }', async () => {
    const { api, seen } = client(() => json(201, { id: 's1', receivedAt: '2025-01-01T00:00:00.000Z' }));
    await expect(api.forms.submit('waste-pickup', { day: '周二' })).resolves.toEqual({
      id: 's1',
      receivedAt: '2025-01-01T00:00:00.000Z',
    });
    expect(seen[0]).toMatchObject({
      url: `${base}/forms/waste-pickup`,
      method: 'POST',
      body: { data: { day: '周二' } },
    });
  });

  it('requests points with POST /points/requests and only the known fields', async () => {
    const { api, seen } = client(() => json(201, { id: 'p1', status: 'pending' }));
    const request = { item: '垃圾分类', quantity: 2, evidence: ['media-1'], extra: 'dropped' };
    await expect(api.points.request(request)).resolves.toEqual({ id: 'p1', status: 'pending' });
    expect(seen[0]).toMatchObject({ url: `${base}/points/requests`, method: 'POST' });
    expect(seen[0]?.body).toEqual({ item: '垃圾分类', quantity: 2, evidence: ['media-1'] });
  });

  it('uploads the raw file with its type and a percent-encoded x-filename', async () => {
    const { api, seen } = client(() => json(201, { id: 'm1', url: 'https://assets.example/m1.jpg' }));
    const file = new Blob([new Uint8Array([1, 2, 3])], { type: 'image/jpeg' });
    await expect(api.media.upload(file, { filename: '照片 1.jpg' })).resolves.toEqual({
      id: 'm1',
      url: 'https://assets.example/m1.jpg',
    });
    expect(seen[0]?.url).toBe(`${base}/media`);
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.headers['content-type']).toBe('image/jpeg');
    expect(seen[0]?.headers['x-filename']).toBe('%E7%85%A7%E7%89%87%201.jpg');
    expect(seen[0]?.body).toBe(file);
  });

  it('works with a same-origin baseUrl', async () => {
    const { api, seen } = client(() => json(200, { user: null }), { baseUrl: '' });
    await api.me();
    expect(seen[0]?.url).toBe('/api/host/v1/me');
  });
});

describe('createHttpHostApi errors', () => {
  const guarded: Array<[string, string, (api: HostApi) => Promise<unknown>]> = [
    ['me', 'user.read', (api) => api.me()],
    ['store.list', 'store.read', (api) => api.store.list('bookings')],
    ['store.get', 'store.read', (api) => api.store.get('bookings', 'doc-1')],
    ['store.create', 'store.write', (api) => api.store.create('bookings', {})],
    ['store.put', 'store.write', (api) => api.store.put('bookings', 'doc-1', {})],
    ['store.remove', 'store.write', (api) => api.store.remove('bookings', 'doc-1')],
    ['forms.submit', 'form.submit', (api) => api.forms.submit('signup', {})],
    ['points.request', 'points.request', (api) => api.points.request({ item: '志愿服务' })],
    ['media.upload', 'media.upload', (api) => api.media.upload(new Blob(['x']), { filename: 'a.jpg' })],
  ];

  it.each(guarded)(
    '%s: 403 SHELL_ERR_CAPABILITY_DENIED → CapabilityDeniedError(%s)',
    async (_, capability, run) => {
      const { api } = client(() =>
        json(403, { code: 'SHELL_ERR_CAPABILITY_DENIED', message: '本组件没有该权限', requestId: 'req-9' }),
      );
      const error = await run(api).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(CapabilityDeniedError);
      expect(error).toMatchObject({
        code: 'SDK_ERR_CAPABILITY_DENIED',
        capability,
        status: 403,
        requestId: 'req-9',
        message: '本组件没有该权限',
      });
    },
  );

  it('a 403 with another code stays a plain HostError', async () => {
    const { api } = client(() => json(403, { code: 'SHELL_ERR_FORBIDDEN', message: '无权访问' }));
    const error = await api.me().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect(error).not.toBeInstanceOf(CapabilityDeniedError);
    expect(error).toMatchObject({ code: 'SHELL_ERR_FORBIDDEN', status: 403, message: '无权访问' });
  });

  it('maps 409 to HostError with the server code, status, message and request id', async () => {
    const { api } = client(() =>
      json(
        409,
        { code: 'SHELL_ERR_VERSION_CONFLICT', message: '数据已被修改' },
        { 'x-request-id': 'req-hdr' },
      ),
    );
    await expect(api.store.put('bookings', 'doc-1', {}, { ifVersion: 1 })).rejects.toMatchObject({
      name: 'HostError',
      code: 'SHELL_ERR_VERSION_CONFLICT',
      status: 409,
      message: '数据已被修改',
      requestId: 'req-hdr',
    });
  });

  it('a non-JSON error page becomes SDK_ERR_BAD_RESPONSE with the status', async () => {
    const { api } = client(() => new Response('<html>502 Bad Gateway</html>', { status: 502 }));
    await expect(api.me()).rejects.toMatchObject({
      code: 'SDK_ERR_BAD_RESPONSE',
      status: 502,
      message: '服务暂时不可用，请稍后重试',
    });
  });

  it('a 200 that is not JSON (captive portal) becomes SDK_ERR_BAD_RESPONSE', async () => {
    const { api } = client(() => new Response('<html>请登录 Wi-Fi</html>', { status: 200 }));
    await expect(api.store.list('bookings')).rejects.toMatchObject({ code: 'SDK_ERR_BAD_RESPONSE' });
  });

  it('a 200 with the wrong shape becomes SDK_ERR_BAD_RESPONSE', async () => {
    const { api } = client(() => json(200, { items: 'nope' }));
    await expect(api.store.list('bookings')).rejects.toMatchObject({ code: 'SDK_ERR_BAD_RESPONSE' });
  });

  it('a failed fetch becomes SDK_ERR_NETWORK with the zh-CN message', async () => {
    const { api } = client(() => {
      throw new TypeError('Failed to fetch');
    });
    const error = await api.me().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect(error).toMatchObject({
      code: 'SDK_ERR_NETWORK',
      message: '网络不稳定，请稍后重试',
      status: undefined,
    });
    expect((error as HostError).detail).toContain('Failed to fetch');
  });

  describe('timeouts', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('aborts after timeoutMs with SDK_ERR_TIMEOUT', async () => {
      vi.useFakeTimers();
      let signal: AbortSignal | undefined;
      const fetch = ((_: RequestInfo | URL, init?: RequestInit) => {
        signal = init?.signal ?? undefined;
        return new Promise<Response>(() => {});
      }) as typeof globalThis.fetch;
      const api = createHttpHostApi({ baseUrl: '', credential: 't', fetch, timeoutMs: 1000 });
      const result = api.me().catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(999);
      expect(signal?.aborted).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      const error = await result;
      expect(error).toMatchObject({ code: 'SDK_ERR_TIMEOUT' });
      expect((error as HostError).message).toContain('网络不稳定，请稍后重试');
      expect(signal?.aborted).toBe(true);
    });

    it('uploads get the longer uploadTimeoutMs', async () => {
      vi.useFakeTimers();
      const fetch = (() => new Promise<Response>(() => {})) as typeof globalThis.fetch;
      const api = createHttpHostApi({
        baseUrl: '',
        credential: 't',
        fetch,
        timeoutMs: 1000,
        uploadTimeoutMs: 5000,
      });
      let settled = false;
      const result = api.media.upload(new Blob(['x']), { filename: 'a.jpg' }).catch((e: unknown) => {
        settled = true;
        return e;
      });
      await vi.advanceTimersByTimeAsync(4999);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await expect(result).resolves.toMatchObject({ code: 'SDK_ERR_TIMEOUT' });
    });
  });
});

describe('createHttpHostApi argument checks (nothing is sent)', () => {
  const cases: Array<[string, (api: HostApi) => Promise<unknown>, string]> = [
    ['upper-case collection', (api) => api.store.list('Bookings'), 'collection'],
    ['collection with a slash', (api) => api.store.create('a/b', {}), 'collection'],
    ['64-character collection', (api) => api.store.list(`a${'b'.repeat(63)}`), 'collection'],
    ['empty id', (api) => api.store.get('bookings', ''), 'id'],
    ['id with ..', (api) => api.store.remove('bookings', '../x'), 'id'],
    ['limit 0', (api) => api.store.list('bookings', { limit: 0 }), 'limit'],
    ['limit 101', (api) => api.store.list('bookings', { limit: 101 }), 'limit'],
    ['empty cursor', (api) => api.store.list('bookings', { cursor: '' }), 'cursor'],
    ['ifVersion 0', (api) => api.store.put('bookings', 'a', {}, { ifVersion: 0 }), 'ifVersion'],
    ['undefined data', (api) => api.store.create('bookings', undefined), 'data'],
    [
      'cyclic data',
      (api) => {
        const data: Record<string, unknown> = {};
        data.self = data;
        return api.forms.submit('signup', data);
      },
      'data',
    ],
    ['bad form id', (api) => api.forms.submit('Sign Up', {}), 'formId'],
    ['empty points item', (api) => api.points.request({ item: ' ' }), 'item'],
    ['fractional quantity', (api) => api.points.request({ item: 'x', quantity: 1.5 }), 'quantity'],
    ['bad evidence id', (api) => api.points.request({ item: 'x', evidence: ['a b'] }), 'evidence[0]'],
    ['not a blob', (api) => api.media.upload('x' as unknown as Blob, { filename: 'a.jpg' }), 'file'],
    [
      'filename with a path',
      (api) => api.media.upload(new Blob(['x']), { filename: '../a.jpg' }),
      'filename',
    ],
  ];

  it.each(cases)('%s → SDK_ERR_INVALID_ARGUMENT naming %s', async (_, run, argument) => {
    const { api, seen } = client(() => json(200, {}));
    const error = await run(api).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect(error).toMatchObject({ code: 'SDK_ERR_INVALID_ARGUMENT' });
    expect((error as HostError).message).toContain(`「${argument}」`);
    expect((error as HostError).detail).toContain(`Invalid ${argument}:`);
    expect(seen).toHaveLength(0);
  });

  it('rejects a missing credential at creation', () => {
    expect(() => createHttpHostApi({ baseUrl: '', credential: '' })).toThrow(/credential/);
  });
});
