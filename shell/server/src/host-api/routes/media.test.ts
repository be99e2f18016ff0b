/** Uploading and serving photos over HTTP. */
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { adoptPointsRuleBook, expectError, hostApiWorld, PNG, WASTE } from '../../../test/host-api.js';

const w = hostApiWorld();
beforeAll(() => adoptPointsRuleBook(w), 60_000);

describe('media', () => {
  it('uploads a photo, checks its type and bytes, and serves it', async () => {
    const token = await w.tokenFor(WASTE, await w.login('lisi'));
    const upload = (body: Buffer, type: string, filename?: string, auth = token) =>
      w.shell.app.inject({
        method: 'POST',
        url: '/api/host/v1/media',
        headers: {
          authorization: `Bearer ${auth}`,
          'content-type': type,
          ...(filename === undefined ? {} : { 'x-filename': encodeURIComponent(filename) }),
        },
        payload: body,
      });
    const res = await upload(PNG, 'image/png', '旧沙发.png');
    expect(res.statusCode).toBe(201);
    const { id, url } = res.json();
    expect(url).toBe(`/api/host/v1/media/${id}`);
    const served = await w.shell.app.inject({ url, headers: { authorization: `Bearer ${token}` } });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['content-security-policy']).toContain('sandbox');
    // Re-encoded without metadata (photos.test.ts): the same 1×1 PNG, not necessarily the same bytes.
    expect(await sharp(served.rawPayload).metadata()).toMatchObject({ format: 'png', width: 1, height: 1 });
    // Evidence for a points request may name it.
    expect(
      (await w.call(token, 'POST', '/points/requests', { item: '垃圾分类', evidence: [id] })).statusCode,
    ).toBe(201);

    expectError(
      await upload(Buffer.from('<script>alert(1)</script>'), 'text/html', 'x.html'),
      415,
      'SHELL_ERR_MEDIA_TYPE',
    );
    expectError(await upload(Buffer.from('<svg/>'), 'image/png', 'x.png'), 415, 'SHELL_ERR_MEDIA_TYPE');
    expect(expectError(await upload(PNG, 'image/png'), 400, 'SHELL_ERR_INVALID_ARGUMENT')).toMatchObject({
      field: 'x-filename',
    });
    expectError(await upload(PNG, 'image/png', 'a/b.png'), 400, 'SHELL_ERR_INVALID_ARGUMENT');
    expectError(
      await upload(Buffer.alloc(6 * 1024 * 1024, 0xff), 'image/jpeg', 'big.jpg'),
      413,
      'SHELL_ERR_BODY_TOO_LARGE',
    );
    expectError(
      await upload(PNG, 'image/png', 'a.png', await w.tokenFor(WASTE)),
      401,
      'SHELL_ERR_SIGN_IN_REQUIRED',
    );
    const missing = { url: '/api/host/v1/media/0000', headers: { authorization: `Bearer ${token}` } };
    expectError(await w.shell.app.inject(missing), 404, 'SHELL_ERR_NOT_FOUND');
  });
});
