import { generateKeyPairSync } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRegistry, type TestRegistry } from '../../test/registry.js';
import { admin, machineryConfig, startShell, type TestShell, WUSI, XIANTAN } from '../../test/shell.js';
import { buildApp } from '../app.js';
import { describeKey } from '../portals/trust.js';
import { injectSnapshot, scriptJson } from './web-dist.js';

let registry: TestRegistry;
let s: TestShell;
const HOSTILE = '</script><script>alert(1)</script>';

beforeAll(async () => {
  registry = await startRegistry();
  await registry.release('@deqing/find-machinery', '1.0.0');
  s = await startShell({ registryUrl: registry.url, publicUrl: 'https://portal.example.gov.cn' });
  await s.app.shell.storage.divisions.upsertDivisions([
    { code: '330521003202', level: 'village', name: `五四${HOSTILE}村`, parent: '330521003' },
  ]);
  const config = machineryConfig();
  const widget = { ...config.widgets[0], config: { radiusKm: 5, greeting: HOSTILE } };
  for (const village of [XIANTAN, '330521003202']) {
    const res = await s.app.inject({
      method: 'PUT',
      url: `/api/portals/${village}`,
      headers: admin,
      payload: { ...config, widgets: [widget] },
    });
    expect(res.statusCode).toBe(200);
  }
});

afterAll(async () => {
  await s?.close();
  await registry?.close();
});

function inlined(html: string): unknown {
  const m = /<script type="application\/json" id="cunmen-snapshot">([\s\S]*?)<\/script>/.exec(html);
  if (!m) throw new Error('no inlined snapshot');
  return JSON.parse(m[1] as string);
}

describe('the portal page', () => {
  it('inlines the snapshot into the web app, with security headers and an ETag', async () => {
    const res = await s.app.inject({ url: `/v/${XIANTAN}/` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    const origin = registry.url;
    const base = (inlined(res.body) as { widgets: { assetBase: string }[] }).widgets[0]?.assetBase;
    expect(base).toMatch(new RegExp(`^${origin}/-/assets/[0-9a-f]{64}/$`));
    // Scripts only from the shell and the placed version's signed script assets, not the whole origin.
    expect(res.headers['content-security-policy']).toBe(
      `default-src 'self'; script-src 'self' ${base}chunk.1a2b3c4d.js ${base}remoteEntry.js; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: ${origin}; connect-src 'self' ${origin}; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'`,
    );
    expect(res.headers['permissions-policy']).toBe(
      'geolocation=(), microphone=(), payment=(), usb=(), serial=(), bluetooth=()',
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(res.body).not.toContain('<!--cunmen:snapshot-->');
    const snapshot = inlined(res.body) as { village: { code: string }; widgets: { config: unknown }[] };
    const api = await s.app.inject({ url: `/api/portals/${XIANTAN}/snapshot` });
    expect(snapshot).toEqual(api.json());
    expect(snapshot.widgets[0]?.config).toEqual({ radiusKm: 5, greeting: HOSTILE });

    const etag = res.headers.etag as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    const again = await s.app.inject({ url: `/v/${XIANTAN}/`, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
  });

  it("preloads the home tiles' files from the snapshot, with SRI, and a page route's on that page", async () => {
    const home = await s.app.inject({ url: `/v/${XIANTAN}/` });
    const widget = (
      inlined(home.body) as { widgets: { assetBase: string; assets: Record<string, string> }[] }
    ).widgets[0] as { assetBase: string; assets: Record<string, string> };
    const entry = `<link rel="preload" as="script" href="${widget.assetBase}remoteEntry.js" integrity="${widget.assets['remoteEntry.js']}" crossorigin="anonymous">`;
    // In the head, after the shell's own script, so the shell is not queued behind the widgets.
    const head = home.body.slice(0, home.body.indexOf('</head>'));
    expect(head).toContain(entry);
    const page = await s.app.inject({ url: `/v/${XIANTAN}/find-machinery` });
    expect(page.body).toContain(entry);
    const elsewhere = await s.app.inject({ url: `/v/${XIANTAN}/no-such-page` });
    expect(elsewhere.statusCode).toBe(200);
    expect(elsewhere.body).not.toContain('rel="preload"');
  });

  it('escapes </script> in village names and config, so nothing breaks out of the JSON block', async () => {
    const res = await s.app.inject({ url: '/v/330521003202/' });
    expect(res.statusCode).toBe(200);
    const scripts = res.body.match(/<script\b/g) ?? [];
    expect(scripts).toHaveLength(2); // the JSON block and the web app's module
    expect(res.body).not.toContain('<script>alert');
    const snapshot = inlined(res.body) as { village: { name: string } };
    expect(snapshot.village.name).toBe(`五四${HOSTILE}村`);
    expect(scriptJson('{"a":"</script><!--\u2028"}')).toBe('{"a":"\\u003c/script>\\u003c!--\\u2028"}');
    expect(injectSnapshot('<head></head>', '{}')).toBe(
      '<head><script type="application/json" id="cunmen-snapshot">{}</script></head>',
    );
  });

  it('serves client routes below the village, redirects the bare path, and explains a missing portal', async () => {
    const deep = await s.app.inject({ url: `/v/${XIANTAN}/p/find-machinery?x=1` });
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain('id="cunmen-snapshot"');
    const bare = await s.app.inject({ url: `/v/${XIANTAN}` });
    expect(bare.statusCode).toBe(301);
    expect(bare.headers.location).toBe(`/v/${XIANTAN}/`);
    const unpublished = await s.app.inject({ url: `/v/${WUSI}/` });
    expect(unpublished.statusCode).toBe(404);
    expect(unpublished.body).toContain('本村门户尚未发布');
    expect(unpublished.headers['content-security-policy']).toContain("default-src 'self'");
    const unknown = await s.app.inject({ url: '/v/not-a-village/' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('找不到这个村');
  });

  it("hands the browser the shell's pinned province key in the page, not the snapshot's", async () => {
    const pem = (await (await fetch(`${registry.url}/-/cunmen/v1/keys`)).json()).keys[0].pem as string;
    const raw = describeKey(pem).raw;
    const res = await s.app.inject({ url: `/v/${XIANTAN}/` });
    expect(res.body).toContain(`<head><meta name="cunmen-province-key" content="${raw}">`);
    // Another pinned key on the same data: the page carries that one, whatever the stored snapshot says.
    const other = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const app = await buildApp({
      dataDir: s.dataDir,
      databaseUrl: s.databaseUrl,
      webDist: s.webDist,
      provinceKeyPem: other,
    });
    try {
      const page = await app.inject({ url: `/v/${XIANTAN}/` });
      expect(page.body).toContain(`content="${describeKey(other).raw}"`);
      expect(page.body).not.toContain(`content="${raw}"`);
      expect((inlined(page.body) as { publicKey: string }).publicKey).toBe(raw);
    } finally {
      await app.close();
    }
  });

  it('lists the villages on the landing page', async () => {
    const res = await s.app.inject({ url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`<a href="/v/${XIANTAN}/">仙潭村`);
    expect(res.body).toContain('五四村（尚未发布）');
    expect(res.body).toContain('朱家户村');
    expect(res.body).not.toContain(HOSTILE);
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});

describe('the web app files', () => {
  it('serves hashed files as immutable, others with revalidation, gzip when accepted', async () => {
    const main = await s.app.inject({ url: '/shell/static/main.1a2b3c4d.js' });
    expect(main.statusCode).toBe(200);
    expect(main.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(main.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(main.body).toContain('cunmen-snapshot');
    const robots = await s.app.inject({ url: '/shell/static/robots.txt' });
    expect(robots.headers['cache-control']).toBe('no-cache');
    const etag = robots.headers.etag as string;
    expect(
      (await s.app.inject({ url: '/shell/static/robots.txt', headers: { 'if-none-match': etag } }))
        .statusCode,
    ).toBe(304);
    expect((await s.app.inject({ url: '/shell/index.html' })).statusCode).toBe(404);
    expect((await s.app.inject({ url: '/shell/../package.json' })).statusCode).toBe(404);
    expect((await s.app.inject({ url: '/shell/static/%2e%2e/%2e%2e/index.html' })).statusCode).toBe(404);
  });

  it('answers 503 with build instructions when the web app is not built', async () => {
    const shell = await startShell();
    try {
      rmSync(join(shell.webDist, 'index.html'));
      for (const url of ['/shell/static/main.1a2b3c4d.js', `/v/${XIANTAN}/`]) {
        const res = await shell.app.inject({ url });
        expect(res.statusCode).toBe(503);
        expect(res.body).toContain('门户前端尚未构建');
        expect(res.body).toContain('pnpm exec turbo run build --filter @cunmen/shell-web');
      }
      expect((await shell.app.inject({ url: '/' })).statusCode).toBe(200);
    } finally {
      await shell.close();
    }
  });
});
