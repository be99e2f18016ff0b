// @vitest-environment node
/** Adoption by the assembly and the version in force, as pure rules. */
import { describe, expect, it } from 'vitest';
import { checkAdoption, inForce } from './rulebook.js';

const assembly = { date: '2026-10-20', attendance: 100, votesFor: 51, votesAgainst: 40, abstaining: 9 };

describe('checkAdoption', () => {
  it('accepts a carried vote from the assembly day on, for a first version', () => {
    expect(checkAdoption('2026-10-20', assembly, null, '2026-11-02')).toBeNull();
  });

  it.each([
    ['no assembly record', '2026-11-05', undefined, null, 'POINTS_ERR_ASSEMBLY_REQUIRED'],
    ['more votes than people', '2026-11-05', { ...assembly, abstaining: 10 }, null, 'POINTS_ERR_VOTES'],
    [
      'exactly half for',
      '2026-11-05',
      { ...assembly, votesFor: 50, abstaining: 10 },
      null,
      'POINTS_ERR_NOT_ADOPTED',
    ],
    ['before the assembly', '2026-10-19', assembly, null, 'POINTS_ERR_BACKDATED'],
    [
      'before the version in force',
      '2026-11-04',
      assembly,
      { adoptedOn: '2026-11-05' },
      'POINTS_ERR_BACKDATED',
    ],
    [
      'before today, over entries made',
      '2026-11-01',
      assembly,
      { adoptedOn: '2026-10-25' },
      'POINTS_ERR_BACKDATED',
    ],
  ] as const)('refuses %s', (_, on, a, previous, code) => {
    expect(checkAdoption(on, a, previous, '2026-11-02')?.code).toBe(code);
  });
});

describe('inForce', () => {
  const books = [
    { version: 1, adoptedOn: '2026-01-01' },
    { version: 2, adoptedOn: '2026-06-01' },
    { version: 3, adoptedOn: '2026-12-01' },
  ];
  it.each([
    ['2025-12-31', null],
    ['2026-01-01', 1],
    ['2026-11-30', 2],
    ['2026-12-01', 3],
  ])('on %s is version %s', (day, version) => {
    expect(inForce(books, day)?.version ?? null).toBe(version);
  });
});
