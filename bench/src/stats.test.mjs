import { describe, expect, it } from 'vitest';
import { caseId } from './parts/registry.mjs';
import { percentile, summarize } from './stats.mjs';

describe('summarize', () => {
  it.each([
    [[3], { min: 3, median: 3, max: 3, runs: 1 }],
    [[5, 1, 3], { min: 1, median: 3, max: 5, runs: 3 }],
    [[4, 1, 3, 2], { min: 1, median: 2.5, max: 4, runs: 4 }],
  ])('%j → %j', (samples, expected) => {
    expect(summarize(samples)).toEqual(expected);
  });

  it('refuses no samples rather than report a figure nobody measured', () => {
    expect(() => summarize([])).toThrow('no samples');
    expect(() => percentile([], 95)).toThrow('no samples');
  });
});

describe('percentile', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i);
  it.each([
    [95, 95],
    [50, 50],
    [100, 100],
    [0, 1],
  ])('p%d of 1..100 is %d', (p, expected) => {
    expect(percentile(hundred, p)).toBe(expected);
  });
});

describe('caseId', () => {
  it.each([
    ['packument, full JSON', 'packument-full-json'],
    ['packument, abbreviated, gzip', 'packument-abbreviated-gzip'],
    ['asset (remoteEntry.js)', 'asset'],
  ])('%s → %s', (name, id) => {
    expect(caseId(name)).toBe(id);
  });
});
