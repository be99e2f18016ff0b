// @vitest-environment node
/** Every error code the module raises is documented on the cadres' page, and the page names no other. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const docs = join(import.meta.dirname, '../../../../docs/docs/village/complaints.md');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

const codes = (text: string) => new Set(text.match(/COMPLAINTS_ERR_[A-Z_]+/g) ?? []);

describe('error codes', () => {
  it('are the same in the code and in docs/docs/village/complaints.md', () => {
    const raised = new Set<string>();
    for (const file of [...sources(join(root, 'server')), ...sources(join(root, 'common'))]) {
      for (const c of codes(readFileSync(file, 'utf8'))) raised.add(c);
    }
    const documented = codes(readFileSync(docs, 'utf8'));
    expect(raised.size).toBeGreaterThan(20);
    expect([...raised].sort()).toEqual([...documented].sort());
  });
});
