// @vitest-environment node
/**
 * The family is the page its docs links point to: every code documented with its status, no other code
 * on the page; and every code is raised somewhere, through the family, never as a loose string.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { docsDrift } from '@cunmen/errors/docs';
import { describe, expect, it } from 'vitest';
import { complaintsErrors, unknownDivision } from './errors.js';

const src = join(import.meta.dirname, '..');
const page = readFileSync(join(src, '../../../docs/docs/village/complaints.md'), 'utf8');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && e.name !== 'errors.ts' ? [path] : [];
  });
}

describe('complaintsErrors', () => {
  it('is documented on docs/docs/village/complaints.md, and the page names no other code', () => {
    expect(complaintsErrors.docsLink('COMPLAINTS_ERR_ROLE')).toBe(
      '/docs/village/complaints#complaints_err_role',
    );
    expect(docsDrift(complaintsErrors, page)).toEqual({ undocumented: [], unknown: [], wrongStatus: [] });
  });

  it('has every code raised by the server or the shared checks, and no code outside the family', () => {
    const raised = new Set<string>();
    for (const file of [...sources(join(src, 'server')), ...sources(join(src, 'common'))]) {
      for (const [code] of readFileSync(file, 'utf8').matchAll(/COMPLAINTS_ERR_[A-Z_]+/g)) raised.add(code);
    }
    const codes = Object.keys(complaintsErrors.codes);
    expect(codes.length).toBeGreaterThan(20);
    expect([...raised].sort()).toEqual(codes.sort());
  });

  it('answers a well-formed division that does not exist with 404 under the same code', () => {
    const err = unknownDivision('COMPLAINTS_ERR_VILLAGE', { field: 'village', zh: '没有这个村' });
    expect(err).toMatchObject({
      code: 'COMPLAINTS_ERR_VILLAGE',
      status: 404,
      field: 'village',
      zh: '没有这个村',
    });
    expect(complaintsErrors.error('COMPLAINTS_ERR_VILLAGE').status).toBe(400);
  });
});
