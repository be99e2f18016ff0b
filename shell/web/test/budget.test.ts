/**
 * The resident first-load budget (DESIGN.md: ≤ 150 KB gzip of JavaScript, aim 120) and the build's
 * contract with the shell server, checked on the production build in `dist/` (turbo builds first).
 * "First load" is every script index.html loads before any widget — here every JS file in dist, since
 * the shell has no lazy chunks (a lazy chunk would be counted too, to be safe).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const BUDGET = 150 * 1024;
const AIM = 120 * 1024;
const html = () => readFileSync(join(dist, 'index.html'), 'utf8');
const files = (dir: string, ext: string) =>
  readdirSync(join(dist, dir))
    .filter((f) => f.endsWith(ext))
    .map((f) => join(dist, dir, f));

describe('production build', () => {
  it('index.html: one snapshot placeholder inside <head>, every asset under /shell/static/', () => {
    const page = html();
    expect(page.split('<!--cunmen:snapshot-->')).toHaveLength(2);
    const head = page.slice(page.indexOf('<head>'), page.indexOf('</head>'));
    expect(head).toContain('<!--cunmen:snapshot-->');
    const urls = [...page.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(urls.length).toBeGreaterThanOrEqual(2);
    for (const url of urls)
      expect(url).toMatch(/^\/shell\/static\/(js|css)\/[\w.-]+\.[0-9a-f]{8,}\.(js|css)$/);
    expect(page).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it(`first-load JavaScript is within ${BUDGET / 1024} KB gzip, React once, no antd`, () => {
    const page = html();
    const js = files('static/js', '.js');
    for (const file of js) expect(page).toContain(file.slice(dist.length));
    const sources = js.map((f) => readFileSync(f));
    const gzip = sources.reduce((n, s) => n + gzipSync(s, { level: 9 }).length, 0);
    const raw = sources.reduce((n, s) => n + s.length, 0);
    const css = files('static/css', '.css').reduce(
      (n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length,
      0,
    );
    console.log(
      `resident first-load JS: ${(gzip / 1024).toFixed(1)} KB gzip (${(raw / 1024).toFixed(0)} KB raw, ${js.length} file(s)); CSS ${(css / 1024).toFixed(1)} KB gzip; budget ${BUDGET / 1024} KB, aim ${AIM / 1024} KB`,
    );
    const text = sources.map((s) => s.toString('utf8')).join('\n');
    // React's and react-dom's internals objects are defined exactly once each: one copy of each.
    expect(text.match(/__CLIENT_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE=/g)).toHaveLength(1);
    expect(text.match(/__DOM_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE=/g)).toHaveLength(1);
    expect(text).not.toMatch(/\bantd\b|ant-btn|ant-design/);
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(pkg.dependencies).filter((d) => /antd|@ant-design/.test(d))).toEqual([]);
    expect(gzip).toBeLessThanOrEqual(BUDGET);
  });

  it('the service worker: one small classic script at dist/sw.js, not loaded by the page', () => {
    const sw = readFileSync(join(dist, 'sw.js'));
    const gzip = gzipSync(sw, { level: 9 }).length;
    console.log(`service worker dist/sw.js: ${sw.length} B raw, ${gzip} B gzip (not first-load JS)`);
    expect(html()).not.toContain('sw.js');
    const text = sw.toString('utf8');
    // Chrome 78 / iOS Safari 13 have no module workers: no import/export, no dynamic import.
    expect(text).not.toMatch(/^\s*(import|export)\s|\bimport\(/m);
    expect(text).not.toMatch(/workbox/);
    expect(sw.length).toBeLessThanOrEqual(8 * 1024);
  });
});
