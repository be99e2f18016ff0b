// @vitest-environment node
/** The calendar of 三会一课 and 主题党日: periods, their bounds, and what is due or overdue. */
import { describe, expect, it } from 'vitest';
import { dueList, kindsOf, periodBounds, periodOf, periodsBetween } from './schedule.js';

describe('periods', () => {
  it('names months and quarters, with their first and last days (leap years included)', () => {
    expect(periodOf('monthly', '2026-11-30')).toBe('2026-11');
    expect(periodOf('quarterly', '2026-11-30')).toBe('2026-Q4');
    expect(periodOf('quarterly', '2026-03-31')).toBe('2026-Q1');
    expect(periodBounds('2028-02')).toEqual(['2028-02-01', '2028-02-29']);
    expect(periodBounds('2026-Q4')).toEqual(['2026-10-01', '2026-12-31']);
    expect(periodBounds('2026-Q1')).toEqual(['2026-01-01', '2026-03-31']);
  });

  it('lists the periods between two days across a new year, and none when they are reversed', () => {
    expect(periodsBetween('monthly', '2026-11-15', '2027-02-01')).toEqual([
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
    ]);
    expect(periodsBetween('quarterly', '2026-08-31', '2027-01-01')).toEqual([
      '2026-Q3',
      '2026-Q4',
      '2027-Q1',
    ]);
    expect(periodsBetween('monthly', '2027-01-01', '2026-12-31')).toEqual([]);
  });
});

describe('dueList', () => {
  const base = { trackingFrom: '2026-10-01', today: '2026-11-20', hasGroups: true };

  it('asks a new branch for every kind this period, and for last month’s monthly meetings as overdue', () => {
    const due = dueList({ ...base, held: [] });
    expect(due.filter((d) => d.status === 'overdue').map((d) => `${d.kind} ${d.period}`)).toEqual([
      'committee 2026-10',
      'group 2026-10',
      'theme-day 2026-10',
    ]);
    expect(due.filter((d) => d.status === 'due').map((d) => `${d.kind} ${d.period} ${d.deadline}`)).toEqual([
      'committee 2026-11 2026-11-30',
      'group 2026-11 2026-11-30',
      'theme-day 2026-11 2026-11-30',
      'lecture 2026-Q4 2026-12-31',
      'members 2026-Q4 2026-12-31',
    ]);
  });

  it('clears a period by a meeting held on any day inside it, and never by one outside', () => {
    const held = [
      { kind: 'theme-day' as const, heldOn: '2026-10-31' },
      { kind: 'theme-day' as const, heldOn: '2026-11-02' },
      { kind: 'members' as const, heldOn: '2026-09-30' },
    ];
    const due = dueList({ ...base, held });
    expect(due.some((d) => d.kind === 'theme-day')).toBe(false);
    expect(due.find((d) => d.kind === 'members')).toMatchObject({ period: '2026-Q4', status: 'due' });
  });

  it('leaves party groups out for a branch without them, and names a planned meeting of the period', () => {
    const due = dueList({
      ...base,
      hasGroups: false,
      held: [],
      planned: [
        { id: 'm1', kind: 'lecture', plannedOn: '2026-12-05' },
        { id: 'm0', kind: 'lecture', plannedOn: '2027-01-05' },
      ],
    });
    expect(kindsOf(false)).not.toContain('group');
    expect(due.some((d) => d.kind === 'group')).toBe(false);
    expect(due.find((d) => d.kind === 'lecture')?.planned).toBe('m1');
  });
});
