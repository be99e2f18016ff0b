/**
 * The QR poster through the real console app: the PNG decodes, is A4 at print resolution and its QR code
 * reads back (jsQR) as the exact resident URL; the PDF is one A4 page whose text says the village and the
 * address; staff of the village's division only; nothing of it on the resident origin.
 */
import jsqr from 'jsqr';
import { PNG } from 'pngjs';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleShell, signInOn, startConsoleShell } from '../../test/console.js';
import { WUSI, XIANTAN } from '../../test/shell.js';
import { hashPassword } from '../identity/passwords.js';
import type { IdentityRole } from '../identity/roles.js';

// jsqr is a UMD bundle of an ES module: under Node's rules its default import is the `exports` object,
// under Vitest's interop the function itself.
const jsQR = ((jsqr as { default?: unknown }).default ?? jsqr) as typeof jsqr.default;

const RESIDENT_URL = `http://127.0.0.1:8080/v/${XIANTAN}/`;
const POSTER = `/api/console/v1/villages/${XIANTAN}/poster`;

let shell: ConsoleShell;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  shell = await startConsoleShell();
  const add = async (name: string, role: IdentityRole, division: string) => {
    await shell.app.shell.storage.identity.createUser({
      name,
      displayName: name,
      role,
      division,
      passwordHash: await hashPassword('correct horse battery'),
    });
  };
  await add('ws-cadre', 'village-cadre', WUSI);
  await add('mgs-staff', 'township-staff', '330521107');
  await add('xt-supervisor', 'supervisor', XIANTAN);
  for (const name of ['xt-cadre', 'ws-cadre', 'mgs-staff', 'xt-supervisor']) {
    cookies[name] = (await signInOn(shell.console, name)).cookie;
  }
}, 60_000);

afterAll(async () => shell?.close());

const get = (url: string, who?: string, headers: Record<string, string> = {}) =>
  shell.console.inject({ url, headers: { ...headers, ...(who ? { cookie: cookies[who] as string } : {}) } });

/** Each chunk type of a PNG file, in order. */
function chunkTypes(png: Buffer): string[] {
  const types: string[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    types.push(png.toString('latin1', at + 4, at + 8));
    at += 12 + length;
  }
  return types;
}

describe('the poster as a PNG', () => {
  it('is A4 at 300 dpi, says so in pHYs, and its QR code reads as the resident URL', async () => {
    const res = await get(`${POSTER}.png`, 'xt-cadre');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['cache-control']).toMatch(/^private\b/);
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('仙潭村村门二维码海报.png')}`,
    );
    const png = res.rawPayload;
    const image = PNG.sync.read(png);
    expect(image.height / image.width).toBeCloseTo(297 / 210, 2);
    const dpi = image.width / (210 / 25.4);
    expect(dpi).toBeGreaterThanOrEqual(150);
    expect(Math.round(dpi)).toBe(300);
    const types = chunkTypes(png);
    expect(types.slice(0, 2)).toEqual(['IHDR', 'pHYs']);
    const pHYs = png.subarray(8 + 25 + 8, 8 + 25 + 8 + 9);
    expect([pHYs.readUInt32BE(0), pHYs.readUInt32BE(4), pHYs[8]]).toEqual([11811, 11811, 1]);

    const pixels = new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length);
    const code = jsQR(pixels, image.width, image.height);
    expect(code?.data).toBe(RESIDENT_URL);
    // Centred, and at least 9 cm wide: scanned from about a metre (a tenth of the distance, as a rule).
    const left = code?.location.topLeftCorner.x ?? 0;
    const right = code?.location.topRightCorner.x ?? 0;
    expect((left + right) / 2 / image.width).toBeCloseTo(0.5, 2);
    expect((right - left) / (dpi / 25.4)).toBeGreaterThan(90);
  }, 60_000);

  it('answers 304 to its ETag and keeps what it drew', async () => {
    const first = await get(`${POSTER}.png`, 'xt-cadre');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await get(`${POSTER}.png`, 'xt-cadre', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.headers['cache-control']).toMatch(/^private\b/);
    // Drawn by the first test: no drawing time this time, the same bytes.
    expect(first.headers['server-timing']).toBeUndefined();
    const other = await get(`/api/console/v1/villages/${WUSI}/poster.png`, 'mgs-staff');
    expect(other.statusCode).toBe(403);
  }, 60_000);
});

describe('the poster as a PDF', () => {
  it('is one A4 page whose text names the village, the lines and the address', async () => {
    const res = await get(`${POSTER}.pdf`, 'mgs-staff');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toMatch(/^private\b/);
    expect(res.headers['server-timing']).toMatch(/^draw;dur=\d+$/);
    const bytes = new Uint8Array(res.rawPayload);
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdf = await getDocumentProxy(bytes.slice());
    expect(pdf.numPages).toBe(1);
    const page = await pdf.getPage(1);
    const [x0, y0, x1, y1] = page.view;
    expect([x0, y0]).toEqual([0, 0]);
    // A4 is 210 × 297 mm: 595.28 × 841.89 points.
    expect(x1).toBeCloseTo(595.28, 1);
    expect(y1).toBeCloseTo(841.89, 1);
    const { text } = await extractText(pdf, { mergePages: true });
    for (const words of ['仙潭村', '打开“仙潭村 村门”', '用微信“扫一扫”扫上面的二维码', RESIDENT_URL]) {
      expect(text).toContain(words);
    }
  }, 60_000);
});

describe('what the poster says, for the console page', () => {
  it('gives the name, the link to copy, the lines and the files', async () => {
    const res = await get(POSTER, 'xt-cadre');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toMatch(/^private\b/);
    expect(res.json()).toEqual({
      village: { code: XIANTAN, name: '仙潭村', place: '浙江省 德清县 莫干山镇' },
      url: RESIDENT_URL,
      title: '仙潭村 村门',
      lines: ['用微信“扫一扫”扫上面的二维码', '打开“仙潭村 村门”', '点右上角“长辈版”，字更大'],
      png: { href: `${POSTER}.png`, width: 2480, height: 3508, dpi: 300 },
      pdf: { href: `${POSTER}.pdf` },
    });
  });
});

describe('who may have it', () => {
  it.each([
    ['a cadre of another village', 'ws-cadre', `${POSTER}.png`, 403, 'SHELL_ERR_FORBIDDEN'],
    ['a cadre of another village (PDF)', 'ws-cadre', `${POSTER}.pdf`, 403, 'SHELL_ERR_FORBIDDEN'],
    ['a cadre of another village (what it says)', 'ws-cadre', POSTER, 403, 'SHELL_ERR_FORBIDDEN'],
    ['a supervisor of the village', 'xt-supervisor', `${POSTER}.png`, 403, 'SHELL_ERR_FORBIDDEN'],
    ['nobody signed in', undefined, `${POSTER}.png`, 401, 'SHELL_ERR_UNAUTHORIZED'],
    ['nobody signed in (PDF)', undefined, `${POSTER}.pdf`, 401, 'SHELL_ERR_UNAUTHORIZED'],
    [
      'an unknown village in the township',
      'mgs-staff',
      '/api/console/v1/villages/330521107299/poster.png',
      404,
      'SHELL_ERR_UNKNOWN_VILLAGE',
    ],
    [
      'a township, not a village',
      'mgs-staff',
      '/api/console/v1/villages/330521107/poster.pdf',
      404,
      'SHELL_ERR_UNKNOWN_VILLAGE',
    ],
  ])('refuses %s', async (_who, name, url, status, code) => {
    const res = await get(url, name);
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json().code).toBe(code);
  });

  it('lets the township staff above the village have it', async () => {
    const res = await get(POSTER, 'mgs-staff');
    expect(res.statusCode).toBe(200);
    expect(res.json().url).toBe(RESIDENT_URL);
  });

  it('serves nothing of it on the resident origin', async () => {
    const resident = await signInOn(shell.app, 'xt-zhang');
    for (const path of [POSTER, `${POSTER}.png`, `${POSTER}.pdf`]) {
      for (const headers of [{}, { cookie: resident.cookie }, { cookie: cookies['xt-cadre'] as string }]) {
        const res = await shell.app.inject({ url: path, headers });
        expect(res.statusCode, path).toBe(404);
        expect(res.headers['content-type']).not.toMatch(/image|pdf/);
      }
    }
  });
});

describe('a shell without --public-url', () => {
  it('says the QR code has no address to hold', async () => {
    const plain = await startConsoleShell('http://localhost:9090', { publicUrl: undefined });
    try {
      const { cookie } = await signInOn(plain.console, 'xt-cadre');
      const res = await plain.console.inject({ url: `${POSTER}.png`, headers: { cookie } });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({
        code: 'SHELL_ERR_POSTER_NO_PUBLIC_URL',
        message: '平台未设置村民门户的网址（--public-url），无法生成二维码海报',
      });
    } finally {
      await plain.close();
    }
  });
});
