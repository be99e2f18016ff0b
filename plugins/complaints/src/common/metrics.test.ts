import { describe, expect, it } from 'vitest';
import { computeMetrics, formatRate, type MetricCase, weightedScore } from './metrics.js';
import { DEFAULT_SETTINGS } from './model.js';

const due = '2026-11-02T03:00:00.000Z';
const c = (over: Partial<MetricCase>): MetricCase => ({
  acceptDue: due,
  acceptedAt: null,
  closedAt: null,
  resolved: null,
  rating: null,
  ...over,
});

describe('metrics', () => {
  it('computes the three rates and the 30/35/35 score', () => {
    const cases = [
      c({ acceptedAt: '2026-11-02T02:00:00.000Z', closedAt: 'x', resolved: true, rating: 'satisfied' }),
      c({
        acceptedAt: '2026-11-02T03:00:00.000Z',
        closedAt: 'x',
        resolved: true,
        rating: 'basically-satisfied',
      }),
      c({ acceptedAt: '2026-11-02T04:00:00.000Z', closedAt: 'x', resolved: false, rating: 'dissatisfied' }),
      c({}),
    ];
    const m = computeMetrics(cases, DEFAULT_SETTINGS.weights);
    expect(m).toEqual({
      cases: 4,
      acceptedInTime: 2,
      resolved: 2,
      rated: 3,
      satisfied: 2,
      responseRate: 0.5,
      resolutionRate: 0.5,
      satisfactionRate: 0.6667,
      // 0.3 × 0.5 + 0.35 × 0.5 + 0.35 × 0.6667 = 0.5583
      score: 55.8,
    });
  });

  it('leaves out a rate without denominator and scales the other weights', () => {
    const m = computeMetrics([c({ acceptedAt: '2026-11-02T02:00:00.000Z' })], DEFAULT_SETTINGS.weights);
    expect(m.satisfactionRate).toBeNull();
    // (0.3 × 1 + 0.35 × 0) / 0.65
    expect(m.score).toBe(46.2);
    expect(computeMetrics([], DEFAULT_SETTINGS.weights)).toMatchObject({
      cases: 0,
      responseRate: null,
      score: null,
    });
  });

  it('uses configured weights', () => {
    expect(
      weightedScore(
        { responseRate: 1, resolutionRate: 0, satisfactionRate: 0 },
        { response: 50, resolution: 25, satisfaction: 25 },
      ),
    ).toBe(50);
    expect(
      weightedScore(
        { responseRate: null, resolutionRate: null, satisfactionRate: 1 },
        { response: 50, resolution: 50, satisfaction: 0 },
      ),
    ).toBeNull();
  });

  it('formats rates as percentages', () => {
    expect(formatRate(0.8571)).toBe('85.7%');
    expect(formatRate(1)).toBe('100.0%');
    expect(formatRate(null)).toBe('—');
  });
});
