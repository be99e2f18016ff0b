/**
 * The console's size budget, checked on the production build in `dist/` (turbo builds first). The
 * console is staff-only, on office computers and cadres' phones, so the budget is generous — but it is
 * a budget: what the sign-in page loads (the scripts index.html names) and everything together.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const FIRST_LOAD_BUDGET = 480 * 1024;
// The composer's settings form (@rjsf with the antd theme, ~116 KB gzip) is a chunk of its own that only
// the composer loads; the first load is unchanged by it.
const TOTAL_BUDGET = 700 * 1024;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const gzip = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

describe('the console build', () => {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const scripts = walk(dist).filter((f) => f.endsWith('.js'));

  it('index.html loads only hashed files under /console/static/, and no inline script', () => {
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
    const own = urls.filter((u) => u !== '/favicon.svg');
    expect(own.length).toBeGreaterThanOrEqual(2);
    for (const url of own)
      expect(url).toMatch(/^\/console\/static\/(js|css)\/[\w.-]+\.[0-9a-f]{8,}\.(js|css)$/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it(`loads at most ${kb(FIRST_LOAD_BUDGET)} of JavaScript gzip first, ${kb(TOTAL_BUDGET)} in all, React once`, () => {
    const first = scripts.filter((f) => html.includes(f.slice(dist.length - 1).replace(/\\/g, '/')));
    expect(first.length).toBeGreaterThan(0);
    const firstGzip = first.reduce((n, f) => n + gzip(f), 0);
    const totalGzip = scripts.reduce((n, f) => n + gzip(f), 0);
    console.log(
      `console JS: first load ${kb(firstGzip)} gzip (${first.length} files), all ${kb(totalGzip)} gzip (${scripts.length} files); budgets ${kb(FIRST_LOAD_BUDGET)} / ${kb(TOTAL_BUDGET)}`,
    );
    const text = scripts.map((f) => readFileSync(f, 'utf8')).join('\n');
    // One React: the cadre pages' widgets share the console's copy (Module Federation singletons).
    expect(text.match(/__CLIENT_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE=/g)).toHaveLength(1);
    expect(firstGzip).toBeLessThanOrEqual(FIRST_LOAD_BUDGET);
    expect(totalGzip).toBeLessThanOrEqual(TOTAL_BUDGET);
  });
});
