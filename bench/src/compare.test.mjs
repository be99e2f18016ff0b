import { describe, expect, it } from 'vitest';
import { compareResults, worsening } from './compare.mjs';
import { figure } from './goals.mjs';

const v = (median) => ({ min: median, median, max: median, runs: 1 });
const bytes = (median) =>
  figure({
    id: 'home.bytes',
    measure: 'home bytes',
    unit: 'B',
    better: 'lower',
    value: v(median),
    limit: 120_000,
  });
const throughput = (registry, raw) =>
  figure({
    id: 'registry.tarball.vs-raw',
    measure: 'tarball req/s',
    unit: 'req/s',
    better: 'higher',
    value: v(registry),
    baseline: { name: 'raw node:http', value: v(raw) },
    ratio: 0.7,
  });
const run = (...figures) => ({ figures });

describe('compareResults', () => {
  it('flags a lower-is-better figure that grew by more than 20 %', () => {
    const out = compareResults(run(bytes(100_000)), run(bytes(121_000)));
    expect(out.regressions.map((r) => r.id)).toEqual(['home.bytes']);
    expect(out.regressions[0].change).toBeCloseTo(0.21);
  });

  it('accepts a change of exactly 20 % and counts a 25 % drop in bytes as an improvement', () => {
    expect(compareResults(run(bytes(100_000)), run(bytes(120_000))).regressions).toEqual([]);
    const out = compareResults(run(bytes(100_000)), run(bytes(75_000)));
    expect(out.improvements.map((r) => r.id)).toEqual(['home.bytes']);
  });

  it('judges a ratio goal on the ratio, so a slower machine that slows both servers is no regression', () => {
    const loaded = compareResults(run(throughput(8000, 10_000)), run(throughput(4000, 5000)));
    expect(loaded.regressions).toEqual([]);
    expect(loaded.unchanged.map((r) => r.id)).toEqual(['registry.tarball.vs-raw']);
    const slower = compareResults(run(throughput(8000, 10_000)), run(throughput(5000, 10_000)));
    expect(slower.regressions.map((r) => [r.id, r.before, r.after])).toEqual([
      ['registry.tarball.vs-raw', 0.8, 0.5],
    ]);
  });

  it('lists figures missing on either side without counting them as regressions', () => {
    const out = compareResults(run(bytes(1)), run(throughput(1, 1)));
    expect(out.regressions).toEqual([]);
    expect(out.missing).toEqual([
      { id: 'registry.tarball.vs-raw', measure: 'tarball req/s', in: 'baseline' },
      { id: 'home.bytes', measure: 'home bytes', in: 'current' },
    ]);
  });

  it('skips not-measured rows and takes a custom tolerance', () => {
    const notMeasured = { id: 'lcp.not-measured', notMeasured: 'not built' };
    expect(compareResults(run(notMeasured), run(notMeasured)).missing).toEqual([]);
    expect(compareResults(run(bytes(100)), run(bytes(106)), 0.05).regressions).toHaveLength(1);
  });
});

describe('worsening', () => {
  it.each([
    [100, 150, 'lower', 0.5],
    [100, 50, 'lower', -0.5],
    [100, 50, 'higher', 0.5],
    [100, 150, 'higher', -0.5],
    [0, 0, 'lower', 0],
    [0, 1, 'lower', Number.POSITIVE_INFINITY],
  ])('from %d to %d (%s is better) is %d', (before, after, better, expected) => {
    expect(worsening(before, after, better)).toBe(expected);
  });
});
