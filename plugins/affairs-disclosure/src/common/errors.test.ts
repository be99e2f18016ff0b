// @vitest-environment node
/** Every code is documented for cadres with its status, and the page names no code that does not exist. */
import { readFileSync } from 'node:fs';
import { docsDrift } from '@cunmen/errors/docs';
import { describe, expect, it } from 'vitest';
import { affairsErrors } from './errors.js';

const page = readFileSync(
  new URL('../../../../docs/docs/village/affairs-disclosure.md', import.meta.url),
  'utf8',
);

describe('affairsErrors', () => {
  it('is the page its docs links point to, and the page lists exactly its codes', () => {
    expect(affairsErrors.docsLink('AFFAIRS_ERR_IMMUTABLE')).toBe(
      '/docs/village/affairs-disclosure#affairs_err_immutable',
    );
    expect(docsDrift(affairsErrors, page)).toEqual({ undocumented: [], unknown: [], wrongStatus: [] });
  });
});
