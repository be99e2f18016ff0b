/** The widget's document store over HTTP: versions, pages, refusals, limits, quota. */
import { describe, expect, it } from 'vitest';
import { expectError, hostApiWorld, JSON_TYPE, WASTE } from '../../../test/host-api.js';
import { WUSI, XIANTAN } from '../../../test/shell.js';
import type { SqlHostStorage } from '../../storage/sql/host-store.js';

const w = hostApiWorld();

describe('the document store', () => {
  it('creates, reads, replaces with optimistic concurrency, and removes documents', async () => {
    const zhang = await w.login('13812345678');
    const token = await w.tokenFor(WASTE, zhang);
    const created = await w.call(token, 'POST', '/store/bookings', { data: { kind: 'bulky', quantity: 2 } });
    expect(created.statusCode).toBe(201);
    const doc = created.json();
    expect(doc).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      data: { kind: 'bulky', quantity: 2 },
      version: 1,
      createdAt: expect.any(String),
      updatedAt: doc.createdAt,
    });
    expect((await w.call(token, 'GET', `/store/bookings/${doc.id}`)).json()).toEqual(doc);

    const v2 = await w.call(token, 'PUT', `/store/bookings/${doc.id}`, {
      data: { kind: 'bulky', quantity: 3 },
      ifVersion: 1,
    });
    expect(v2.statusCode).toBe(200);
    expect(v2.json()).toMatchObject({
      id: doc.id,
      version: 2,
      data: { quantity: 3 },
      createdAt: doc.createdAt,
    });
    const stale = await w.call(token, 'PUT', `/store/bookings/${doc.id}`, {
      data: { quantity: 9 },
      ifVersion: 1,
    });
    expectError(stale, 409, 'SHELL_ERR_VERSION_CONFLICT');
    expect((await w.call(token, 'GET', `/store/bookings/${doc.id}`)).json().data.quantity).toBe(3);
    // put creates a missing document, unless ifVersion is given.
    expectError(
      await w.call(token, 'PUT', '/store/bookings/missing-1', { data: 1, ifVersion: 1 }),
      409,
      'SHELL_ERR_VERSION_CONFLICT',
    );
    const made = await w.call(token, 'PUT', '/store/bookings/made-1', { data: 'x' });
    expect(made.statusCode).toBe(200);
    expect(made.json()).toMatchObject({ id: 'made-1', version: 1, data: 'x' });

    // Another resident may neither read it (bookings are an `owner` collection) nor change it; a cadre
    // of the village may.
    const li = await w.tokenFor(WASTE, await w.login('lisi'));
    expectError(await w.call(li, 'GET', `/store/bookings/${doc.id}`), 404, 'SHELL_ERR_NOT_FOUND');
    expectError(
      await w.call(li, 'PUT', `/store/bookings/${doc.id}`, { data: {} }),
      403,
      'SHELL_ERR_FORBIDDEN',
    );
    expectError(await w.call(li, 'DELETE', `/store/bookings/${doc.id}`), 403, 'SHELL_ERR_FORBIDDEN');
    const cadre = await w.tokenFor(WASTE, await w.login('cadre'));
    const closed = await w.call(cadre, 'PUT', `/store/bookings/${doc.id}`, {
      data: { status: 'closed' },
      ifVersion: 2,
    });
    expect(closed.json()).toMatchObject({ version: 3, data: { status: 'closed' } });
    // Writes need a signed-in resident.
    const anonymous = await w.tokenFor(WASTE);
    expectError(
      await w.call(anonymous, 'POST', '/store/bookings', { data: {} }),
      401,
      'SHELL_ERR_SIGN_IN_REQUIRED',
    );
    // Nor may anybody read an `owner` collection (bookings are undeclared) without signing in.
    expectError(
      await w.call(anonymous, 'GET', `/store/bookings/${doc.id}`),
      401,
      'SHELL_ERR_SIGN_IN_REQUIRED',
    );

    // The cookie plays no part in host-API calls: no CSRF token needed, and it signs nobody in.
    const cookieRiding = await w.shell.app.inject({
      method: 'POST',
      url: '/api/host/v1/store/bookings',
      headers: {
        authorization: `Bearer ${anonymous}`,
        cookie: (await w.login('cadre')).cookie,
        ...JSON_TYPE,
      },
      payload: JSON.stringify({ data: {} }),
    });
    expectError(cookieRiding, 401, 'SHELL_ERR_SIGN_IN_REQUIRED');
    const withCookie = await w.shell.app.inject({
      method: 'POST',
      url: '/api/host/v1/store/bookings',
      headers: { authorization: `Bearer ${token}`, cookie: zhang.cookie, ...JSON_TYPE },
      payload: JSON.stringify({ data: { n: 1 } }),
    });
    expect(withCookie.statusCode).toBe(201);

    const removed = await w.call(token, 'DELETE', `/store/bookings/${doc.id}`);
    expect(removed.statusCode).toBe(204);
    expect(removed.body).toBe('');
    expect((await w.call(token, 'DELETE', `/store/bookings/${doc.id}`)).statusCode).toBe(204);
    expectError(await w.call(token, 'GET', `/store/bookings/${doc.id}`), 404, 'SHELL_ERR_NOT_FOUND');
  });

  it('lists newest first in pages with an opaque cursor', async () => {
    const token = await w.tokenFor(WASTE, await w.login('lisi'));
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push((await w.call(token, 'POST', '/store/pages', { data: { i } })).json().id);
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor === null ? '?limit=2' : `?limit=2&cursor=${encodeURIComponent(cursor)}`;
      const res = await w.call(token, 'GET', `/store/pages${query}`);
      expect(res.statusCode).toBe(200);
      const page = res.json();
      seen.push(...page.items.map((d: { data: { i: number } }) => d.data.i));
      cursor = page.nextCursor;
      pages++;
    } while (cursor !== null);
    expect(seen).toEqual([4, 3, 2, 1, 0]);
    expect(pages).toBe(3);
    const all = (await w.call(token, 'GET', '/store/pages')).json();
    expect(all.items).toHaveLength(5);
    expect(all.nextCursor).toBeNull();
    expect(all.items[0].id).toBe(ids[4]);
  });

  it.each([
    ['GET', '/store/Bad_Name', 'collection', undefined],
    ['GET', '/store/pages?limit=0', 'limit', undefined],
    ['GET', '/store/pages?limit=101', 'limit', undefined],
    ['GET', '/store/pages?limit=ten', 'limit', undefined],
    ['GET', '/store/pages?cursor=nonsense', 'cursor', undefined],
    ['GET', '/store/pages?sort=asc', 'sort', undefined],
    ['GET', '/store/pages/-bad', 'id', undefined],
    ['POST', '/store/pages', 'nodata', { nodata: 1 }],
    ['POST', '/store/pages', 'data', {}],
    ['POST', '/store/pages', '(body)', [1, 2]],
    ['PUT', '/store/pages/abc', 'ifVersion', { data: 1, ifVersion: 0 }],
    ['PUT', '/store/pages/abc', 'ifVersion', { data: 1, ifVersion: '1' }],
    ['POST', '/forms/Pickup', 'formId', { data: {} }],
  ] as const)('refuses %s %s with a 400 naming %s, changing nothing', async (method, path, field, body) => {
    const token = await w.tokenFor(WASTE, await w.login('lisi'));
    const before = await w.shell.app.shell.storage.host.usage(XIANTAN, WASTE);
    const res = await w.call(token, method, path, body);
    expect(expectError(res, 400, 'SHELL_ERR_INVALID_ARGUMENT')).toMatchObject({ field });
    expect(await w.shell.app.shell.storage.host.usage(XIANTAN, WASTE)).toEqual(before);
  });

  it('refuses a document over 64 KB (413) and bodies that are not JSON', async () => {
    const token = await w.tokenFor(WASTE, await w.login('lisi'));
    const big = await w.call(token, 'POST', '/store/big', { data: 'x'.repeat(64 * 1024) });
    expect(expectError(big, 413, 'SHELL_ERR_DOC_TOO_LARGE')).toMatchObject({ field: 'data' });
    expect((await w.call(token, 'POST', '/store/big', { data: 'x'.repeat(60 * 1024) })).statusCode).toBe(201);
    const huge = await w.call(token, 'POST', '/store/big', { data: 'x'.repeat(2 * 1024 * 1024) });
    expectError(huge, 413, 'SHELL_ERR_BODY_TOO_LARGE');
    const broken = await w.shell.app.inject({
      method: 'POST',
      url: '/api/host/v1/store/big',
      headers: { authorization: `Bearer ${token}`, ...JSON_TYPE },
      payload: '{"data":',
    });
    expectError(broken, 400, 'SHELL_ERR_BAD_REQUEST');
    const form = await w.shell.app.inject({
      method: 'POST',
      url: '/api/host/v1/store/big',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'data=1',
    });
    expectError(form, 415, 'SHELL_ERR_MEDIA_TYPE');
  });

  it('keeps each widget within its quota per village, in the same transaction as the write', async () => {
    const host = w.shell.app.shell.storage.host as SqlHostStorage;
    const scope = { village: WUSI, widget: '@deqing/quota', collection: 'c' };
    const quota = { maxDocs: 2, maxBytes: 20 };
    const at = new Date().toISOString();
    expect((await host.createDoc(scope, 'a', { data: '"12345"', by: 1, at }, quota)).ok).toBe(true);
    expect((await host.createDoc(scope, 'b', { data: '"12345"', by: 1, at }, quota)).ok).toBe(true);
    expect(await host.createDoc(scope, 'c', { data: '1', by: 1, at }, quota)).toEqual({
      ok: false,
      reason: 'quota',
    });
    const grow = await host.putDoc(scope, 'a', { data: `"${'x'.repeat(20)}"`, by: 1, at }, quota, () => true);
    expect(grow).toEqual({ ok: false, reason: 'quota' });
    expect((await host.putDoc(scope, 'a', { data: '1', by: 1, at }, quota, () => true)).ok).toBe(true);
    expect(await host.usage(WUSI, '@deqing/quota')).toEqual({ docs: 2, bytes: 8 });
  });
});
