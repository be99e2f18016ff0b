import { describe, expect, it, vi } from 'vitest';
import { CapabilityDeniedError, HostError } from './errors.js';
import { createHttpHostApi } from './http-host-api.js';

interface Seen {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

function client(respond: (seen: Seen) => Response, module: string | undefined = 'complaints') {
  const seen: Seen[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, key) => {
      headers[key] = value;
    });
    const entry = { url: String(input), method: init?.method ?? 'GET', headers, body: init?.body };
    seen.push(entry);
    return respond(entry);
  }) as unknown as typeof globalThis.fetch;
  const api = createHttpHostApi({ baseUrl: 'https://shell.example', credential: 'tok-9', fetch, module });
  return { api, seen };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('api.module', () => {
  it('sends JSON to /api/modules/<id><path> with the widget credential', async () => {
    const { api, seen } = client(() => json(201, { id: 'JS1' }));
    await expect(api.module.request('POST', '/cases?x=1', { text: '路灯坏了' })).resolves.toEqual({
      id: 'JS1',
    });
    expect(seen[0]).toMatchObject({
      url: 'https://shell.example/api/modules/complaints/cases?x=1',
      method: 'POST',
      body: '{"text":"路灯坏了"}',
    });
    expect(seen[0]?.headers).toMatchObject({
      authorization: 'Bearer tok-9',
      'content-type': 'application/json',
    });
  });

  it("rejects with the module's own code, zh-CN message and status", async () => {
    const { api } = client(() =>
      json(409, {
        error: 'already rated',
        code: 'COMPLAINTS_ERR_ALREADY_RATED',
        message: '已经评价过了',
        requestId: 'r1',
      }),
    );
    const error = await api.module.request('POST', '/cases/JS1/rate', { rating: 5 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect(error).toMatchObject({
      code: 'COMPLAINTS_ERR_ALREADY_RATED',
      status: 409,
      message: '已经评价过了',
      requestId: 'r1',
    });
  });

  it('turns a denied module.api into CapabilityDeniedError', async () => {
    const { api } = client(() => json(403, { code: 'SHELL_ERR_CAPABILITY_DENIED', message: '没有权限' }));
    const error = await api.module.request('GET', '/cases').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CapabilityDeniedError);
    expect(error).toMatchObject({ capability: 'module.api' });
  });

  it('uploads raw bytes with the type and a percent-encoded name, and downloads a Blob', async () => {
    const { api, seen } = client((s) =>
      s.method === 'GET' ? new Response(new Uint8Array([1, 2, 3]), { status: 200 }) : json(201, { id: 'p1' }),
    );
    const file = new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' });
    await expect(api.module.upload('/photos', file, { filename: '路灯.jpg' })).resolves.toEqual({ id: 'p1' });
    expect(seen[0]?.headers).toMatchObject({
      'content-type': 'image/jpeg',
      'x-filename': encodeURIComponent('路灯.jpg'),
    });
    const blob = await api.module.download('/items/1/export.xlsx');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('refuses bad paths and a widget that is no standard module before sending anything', async () => {
    const { api, seen } = client(() => json(200, {}));
    for (const path of ['cases', '//evil.example/x', '/a/../b', '/a b', '/a\\b']) {
      await expect(api.module.request('GET', path)).rejects.toMatchObject({
        code: 'SDK_ERR_INVALID_ARGUMENT',
      });
    }
    const plain = client(() => json(200, {}), '');
    await expect(plain.api.module.request('GET', '/cases')).rejects.toMatchObject({
      code: 'SDK_ERR_INVALID_ARGUMENT',
    });
    expect(seen).toHaveLength(0);
    expect(plain.seen).toHaveLength(0);
  });
});
