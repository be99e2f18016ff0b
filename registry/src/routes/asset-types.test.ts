/**
 * Asset types (issue #14): the registry decides the type from the extension, never the publisher's
 * declared one; SVG is sandboxed, other types are downloads, documents are refused at publish.
 */
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorBody } from '../../test/errors.js';
import { injectPublish, withExtraAssets } from '../../test/fixtures.js';
import { type TestRegistry, testRegistry } from '../../test/registry.js';

const NAME = '@deqing/find-machinery';
let r: TestRegistry;
let app: FastifyInstance;

beforeEach(async () => {
  r = await testRegistry('cunmen-asset-types-');
  ({ app } = r);
});

afterEach(async () => {
  await r.close();
});

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

/** A widget whose build lists extra files, each declared by the publisher as `text/html`. */
function publishWith(version: string, extra: Record<string, string>) {
  return injectPublish(app, r.tokens.deqing, NAME, version, withExtraAssets(NAME, version, extra));
}

async function approvedBase(version: string): Promise<string> {
  const approve = await app.inject({
    method: 'POST',
    url: `/-/cunmen/v1/review/${NAME}/${version}/approve`,
    headers: auth(r.tokens.province),
    payload: {},
  });
  expect(approve.statusCode).toBe(200);
  const release = (await app.inject({ url: `/-/cunmen/v1/releases/${NAME}/${version}` })).json();
  return new URL(release.assetBase).pathname;
}

const SVG = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>';

describe('asset types', () => {
  it.each([
    ['remoteEntry.js', 'text/javascript; charset=utf-8'],
    ['mf-manifest.json', 'application/json; charset=utf-8'],
    ['style.css', 'text/css; charset=utf-8'],
    ['logo.png', 'image/png'],
    ['font.woff2', 'font/woff2'],
  ])('serves %s inline as %s whatever the publisher declared', async (path, type) => {
    expect(
      (await publishWith('1.0.0', { 'style.css': 'a{}', 'logo.png': 'png', 'font.woff2': 'w' })).statusCode,
    ).toBe(201);
    const base = await approvedBase('1.0.0');
    const res = await app.inject({ url: `${base}${path}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(type);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-disposition']).toBeUndefined();
  });

  it('serves SVG with CSP sandbox and nosniff, so its script never runs on a registry origin', async () => {
    await publishWith('1.0.0', { 'icon.svg': SVG });
    const res = await app.inject({ url: `${await approvedBase('1.0.0')}icon.svg` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/svg+xml');
    expect(res.headers['content-security-policy']).toBe('sandbox');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves a type off the list as an attachment download, never inline', async () => {
    await publishWith('1.0.0', { 'notes.txt': '<script>alert(1)</script>', 'data.wasm': 'w' });
    const base = await approvedBase('1.0.0');
    for (const path of ['notes.txt', 'data.wasm']) {
      const res = await app.inject({ url: `${base}${path}` });
      expect(res.statusCode, path).toBe(200);
      expect(res.headers['content-type'], path).toBe('application/octet-stream');
      expect(res.headers['content-disposition'], path).toBe(`attachment; filename="${path}"`);
      expect(res.headers['content-security-policy'], path).toBe('sandbox');
    }
  });

  it.each(['index.html', 'page.HTM', 'sub/frame.xhtml', 'feed.xml'])(
    'refuses a build that lists the document %s, storing nothing',
    async (path) => {
      const res = await publishWith('1.0.0', { [path]: '<html><script>alert(1)</script></html>' });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual(
        errorBody(
          'REG_ERR_ASSET_TYPE',
          `dist/${path} is a document (.${path.slice(path.lastIndexOf('.') + 1).toLowerCase()}); the registry serves scripts, styles, JSON, images and fonts, never pages`,
          'assets',
        ),
      );
      expect(await r.storage.packages.countVersions(NAME)).toBe(0);
    },
  );
});
