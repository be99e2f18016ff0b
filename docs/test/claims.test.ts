/**
 * The docs describe what exists. Words that promise a future ("planned", "being built") rot the moment the
 * thing lands — the registry, review and placement were all still "planned" in the docs after they
 * shipped — so no page may use them; what is missing is listed plainly under a "Not yet built" heading.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { expect, it } from 'vitest';

const docsDir = resolve(import.meta.dirname, '..', 'docs');
const FUTURE = /\b(planned|being built|coming soon|placeholder)\b|计划中|即将推出/i;

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return pages(path);
    return /\.mdx?$/.test(name) ? [path] : [];
  });
}

it('no docs page promises a future instead of describing what exists', () => {
  const found = pages(docsDir).flatMap((path) =>
    readFileSync(path, 'utf8')
      .split('\n')
      .map((line, i) => ({ line, at: `${relative(docsDir, path)}:${i + 1}` }))
      .filter(({ line }) => FUTURE.test(line))
      .map(({ line, at }) => `${at}: ${line.trim()}`),
  );
  expect(found).toEqual([]);
});
