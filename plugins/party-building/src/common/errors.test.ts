// @vitest-environment node
/**
 * The family is the page its docs links point to: every code documented with its status, no other code
 * on the page; and every code is raised somewhere, through the family, never as a loose string.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { docsDrift } from '@cunmen/errors/docs';
import { describe, expect, it } from 'vitest';
import { partyErrors } from './errors.js';

const src = join(import.meta.dirname, '..');
const page = readFileSync(join(src, '../../../docs/docs/village/party-building.md'), 'utf8');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && e.name !== 'errors.ts' ? [path] : [];
  });
}

describe('partyErrors', () => {
  it('is documented on docs/docs/village/party-building.md, and the page names no other code', () => {
    expect(partyErrors.docsLink('PARTY_ERR_RECORDED')).toBe(
      '/docs/village/party-building#party_err_recorded',
    );
    expect(docsDrift(partyErrors, page)).toEqual({ undocumented: [], unknown: [], wrongStatus: [] });
  });

  it('has every code raised by the server or the shared checks, and no code outside the family', () => {
    const raised = new Set<string>();
    for (const file of [...sources(join(src, 'server')), ...sources(join(src, 'common'))]) {
      for (const [code] of readFileSync(file, 'utf8').matchAll(/PARTY_ERR_[A-Z_]+/g)) raised.add(code);
    }
    expect([...raised].sort()).toEqual(Object.keys(partyErrors.codes).sort());
  });
});
