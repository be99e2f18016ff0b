import { describe, expect, it } from 'vitest';
import { addHours, chinaDay, isPeriodError, monthsOf, parsePeriod } from './time.js';

const now = '2026-11-02T01:00:00.000Z';

describe('time', () => {
  it('dates tracking numbers in China time', () => {
    expect(chinaDay('2026-11-01T15:59:59.000Z')).toBe('20261101');
    expect(chinaDay('2026-11-01T16:00:00.000Z')).toBe('20261102');
    expect(addHours(now, 2)).toBe('2026-11-02T03:00:00.000Z');
  });

  it('parses months, quarters, years and day ranges in China time', () => {
    expect(parsePeriod({ period: '2026-11' }, now)).toEqual({
      from: '2026-10-31T16:00:00.000Z',
      to: '2026-11-30T16:00:00.000Z',
    });
    expect(parsePeriod({ period: '2026-Q4' }, now)).toEqual({
      from: '2026-09-30T16:00:00.000Z',
      to: '2026-12-31T16:00:00.000Z',
    });
    expect(parsePeriod({ period: '2026' }, now)).toEqual({
      from: '2025-12-31T16:00:00.000Z',
      to: '2026-12-31T16:00:00.000Z',
    });
    expect(parsePeriod({ from: '2026-11-01', to: '2026-11-01' }, now)).toEqual({
      from: '2026-10-31T16:00:00.000Z',
      to: '2026-11-01T16:00:00.000Z',
    });
    expect(parsePeriod({}, now)).toEqual(parsePeriod({ period: '2026-11' }, now));
  });

  it('names the field of a bad period', () => {
    for (const [q, field] of [
      [{ period: '2026-13' }, 'period'],
      [{ period: 'last week' }, 'period'],
      [{ from: '2026-02-30', to: '2026-03-01' }, 'from'],
      [{ from: '2026-03-01' }, 'to'],
      [{ from: '2026-03-02', to: '2026-03-01' }, 'to'],
      [{ from: '2020-01-01', to: '2026-03-01' }, 'to'],
    ] as const) {
      const p = parsePeriod(q, now);
      expect(isPeriodError(p) && p.field, JSON.stringify(q)).toBe(field);
    }
  });

  it('splits a period into months', () => {
    const p = parsePeriod({ period: '2026-Q4' }, now);
    if (isPeriodError(p)) throw new Error('bad');
    expect(monthsOf(p).map((m) => m.month)).toEqual(['2026-10', '2026-11', '2026-12']);
    const r = parsePeriod({ from: '2026-11-15', to: '2026-12-10' }, now);
    if (isPeriodError(r)) throw new Error('bad');
    expect(monthsOf(r)).toEqual([
      { month: '2026-11', from: '2026-11-14T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z' },
      { month: '2026-12', from: '2026-11-30T16:00:00.000Z', to: '2026-12-10T16:00:00.000Z' },
    ]);
  });
});
