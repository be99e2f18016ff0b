/**
 * Banner photos over HTTP: a cadre uploads on the console origin (re-encoded, stored once), residents
 * fetch it from the portal's origin without signing in, refusals change nothing, and a portal can name
 * only a banner this shell stored.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleShell, signInOn, startConsoleShell } from '../../test/console.js';
import { startRegistry, type TestRegistry } from '../../test/registry.js';
import { admin, machineryConfig, WUSI, XIANTAN } from '../../test/shell.js';

let registry: TestRegistry;
let shell: ConsoleShell;
let headers: Record<string, string>;

beforeAll(async () => {
  registry = await startRegistry();
  await registry.release('@deqing/find-machinery', '1.0.0');
  shell = await startConsoleShell('http://localhost:9090', {
    registryUrl: registry.url,
    registryToken: registry.tokens.province,
  });
  const { cookie, csrf } = await signInOn(shell.console, 'xt-cadre');
  headers = { cookie, 'x-csrf-token': csrf };
}, 60_000);
afterAll(async () => {
  await shell?.close();
  await registry?.close();
});

const photo = () =>
  sharp({ create: { width: 1200, height: 900, channels: 3, background: '#2f6f3e' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'Phone' } })
    .toBuffer();

const upload = async (village: string, body: Buffer, type: string) =>
  shell.console.inject({
    method: 'POST',
    url: `/api/console/v1/portals/${village}/banner`,
    headers: { ...headers, 'content-type': type },
    payload: body,
  });

describe('banner photos', () => {
  it('stores a re-encoded banner a resident fetches from the portal origin, cached forever', async () => {
    const res = await upload(XIANTAN, await photo(), 'image/jpeg');
    expect(res.statusCode).toBe(201);
    const { banner, url, bytes } = res.json();
    expect(banner).toMatch(/^[0-9a-f]{64}\.webp$/);
    expect(url).toBe(`/media/banners/${banner}`);
    const served = await shell.app.inject({ url });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/webp');
    expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(served.rawPayload.length).toBe(bytes);
    expect((await sharp(served.rawPayload).metadata()).exif).toBeUndefined();
    const audit = await shell.app.shell.storage.audit.list({ limit: 500 });
    expect(audit.filter((e) => e.action === 'portal.banner.upload')).toHaveLength(1);

    // A portal names it; the snapshot residents get carries it.
    const saved = await shell.app.inject({
      method: 'PUT',
      url: `/api/portals/${XIANTAN}`,
      headers: admin,
      payload: machineryConfig('1.0.0', { theme: { banner, elderlyByDefault: false } }),
    });
    expect(saved.statusCode).toBe(200);
    const snapshot = await shell.app.inject({ url: `/api/portals/${XIANTAN}/snapshot` });
    expect(snapshot.json().theme).toEqual({ banner, elderlyByDefault: false });
  });

  it.each([
    [
      'an SVG',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      'image/svg+xml',
      415,
      'SHELL_ERR_MEDIA_TYPE',
    ],
    ['a PDF', Buffer.from('%PDF-1.4\n'), 'application/pdf', 415, 'SHELL_ERR_MEDIA_TYPE'],
    ['an empty body', Buffer.alloc(0), 'image/png', 400, 'SHELL_ERR_BAD_REQUEST'],
    [
      'a broken JPEG',
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]),
      'image/jpeg',
      400,
      'SHELL_ERR_BANNER_UNREADABLE',
    ],
  ])('refuses %s and stores nothing', async (_what, body, type, status, code) => {
    const before = (await shell.app.shell.storage.audit.list({ limit: 500 })).length;
    const res = await upload(XIANTAN, body, type);
    expect(res.statusCode).toBe(status);
    expect(res.json().code).toBe(code);
    expect(res.json().message).toMatch(/[\u4e00-\u9fff]/);
    expect((await shell.app.shell.storage.audit.list({ limit: 500 })).length).toBe(before);
  });

  it('refuses a cadre of another village', async () => {
    const res = await upload(WUSI, await photo(), 'image/jpeg');
    expect(res.statusCode).toBe(403);
  });

  it('refuses a portal naming a banner this shell never stored, and keeps the portal', async () => {
    const version = await shell.app.shell.storage.portals.currentVersion(XIANTAN);
    const res = await shell.app.inject({
      method: 'PUT',
      url: `/api/portals/${XIANTAN}`,
      headers: admin,
      payload: {
        ...machineryConfig('1.0.0', { theme: { banner: `${'a'.repeat(64)}.webp`, elderlyByDefault: false } }),
        baseVersion: version,
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'SHELL_ERR_UNKNOWN_BANNER',
      field: 'theme.banner',
      message: 'theme.banner：找不到这张横幅照片，请重新上传',
    });
    expect(await shell.app.shell.storage.portals.currentVersion(XIANTAN)).toBe(version);
    expect((await shell.app.inject({ url: `/media/banners/${'a'.repeat(64)}.webp` })).statusCode).toBe(404);
    expect((await shell.app.inject({ url: '/media/banners/..%2Fshell.db' })).statusCode).toBe(404);
  });
});
