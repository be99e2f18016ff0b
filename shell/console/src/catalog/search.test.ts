import { describe, expect, it } from 'vitest';
import {
  type CatalogSearch,
  catalogApiPath,
  countiesOf,
  formatDay,
  formatKb,
  parseCatalogSearch,
  refine,
} from './search.js';
import type { CatalogEntry } from './types.js';

describe('the catalog search in the URL', () => {
  it('keeps every valid parameter', () => {
    expect(
      parseCatalogSearch({
        q: ' 垃圾 ',
        category: 'environment',
        county: '370323',
        kind: 'widget',
        sort: 'recent',
        page: '2',
      }),
    ).toEqual({
      q: '垃圾',
      category: 'environment',
      county: '370323',
      kind: 'widget',
      sort: 'recent',
      page: 2,
    });
    // TanStack Router parses numbers: a county code arrives as one.
    expect(parseCatalogSearch({ county: 330521, q: 123 })).toEqual({ county: '330521', q: '123' });
  });

  it.each([
    ['an empty query', { q: '  ' }],
    ['an unknown category', { category: 'space' }],
    ['a county that is not 6 digits', { county: '3305' }],
    ['the library kind (not for villages)', { kind: 'library' }],
    ['an unknown sort', { sort: 'random' }],
    ['the default sort', { sort: 'reuse' }],
    ['page 1', { page: 1 }],
    ['a page that is not a whole number', { page: '2.5' }],
    ['a negative page', { page: -3 }],
  ])('drops %s', (_what, raw) => {
    expect(parseCatalogSearch(raw)).toEqual({});
  });

  it('cuts a long query to what the API accepts', () => {
    expect(parseCatalogSearch({ q: '垃'.repeat(300) }).q).toHaveLength(200);
  });

  it('goes back to page 1 when what is searched changes, and keeps the page when paging', () => {
    const current: CatalogSearch = { q: '垃圾', page: 3 };
    expect(refine(current, { category: 'environment' })).toEqual({ q: '垃圾', category: 'environment' });
    expect(refine(current, { page: 4 })).toEqual({ q: '垃圾', page: 4 });
    expect(refine(current, { q: '' })).toEqual({});
  });

  it('asks the console API for one page', () => {
    expect(catalogApiPath({})).toBe('/api/console/v1/catalog?page=1&pageSize=12');
    expect(catalogApiPath({ q: '垃圾', county: '370323', sort: 'name', page: 2 }, 5)).toBe(
      `/api/console/v1/catalog?q=${encodeURIComponent('垃圾')}&county=370323&sort=name&page=2&pageSize=5`,
    );
  });
});

const entry = (county: string | null, countyName: string | null) => ({ county, countyName }) as CatalogEntry;

describe('display helpers', () => {
  it('lists each county once, by name', () => {
    expect(
      countiesOf([
        entry('370323', '沂源县'),
        entry('330521', '德清县'),
        entry('370323', '沂源县'),
        entry(null, null),
        entry('110101', null),
      ]),
    ).toEqual([
      { code: '110101', name: '110101' },
      { code: '330521', name: '德清县' },
      { code: '370323', name: '沂源县' },
    ]);
  });

  it.each([
    [1500, '1.5'],
    [10 * 1024, '10'],
    [150_000, '146'],
    [0, '0.0'],
  ])('writes %i bytes as %s KB', (bytes, kb) => {
    expect(formatKb(bytes)).toBe(kb);
  });

  it('writes the day in China', () => {
    expect(formatDay('2025-05-06T17:30:00.000Z')).toBe('2025-05-07');
    expect(formatDay(null)).toBe('');
    expect(formatDay('not a date')).toBe('');
  });
});
