/**
 * The calendar of organisational life (组织生活): 三会一课 — the branch members' meeting (支部党员大会,
 * quarterly), the branch committee (支委会, monthly), the party group (党小组会, monthly), the party lecture
 * (党课, quarterly) — and 主题党日 (monthly). For each kind a period (`2026-11` or `2026-Q4`) is met when a
 * meeting of that kind was held on a day inside it; an unmet period is due until its last day and overdue
 * after. Pure: the server feeds it the branch's held meetings, the widgets show its answer.
 */
import { isDay } from './day.js';

export const MEETING_KINDS = ['members', 'committee', 'group', 'lecture', 'theme-day'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export type Cadence = 'monthly' | 'quarterly';

export const CADENCE: Readonly<Record<MeetingKind, Cadence>> = {
  members: 'quarterly',
  committee: 'monthly',
  group: 'monthly',
  lecture: 'quarterly',
  'theme-day': 'monthly',
};

/** The period of a day: `YYYY-MM` for a monthly kind, `YYYY-Qn` for a quarterly one. */
export function periodOf(cadence: Cadence, day: string): string {
  const year = day.slice(0, 4);
  const month = Number(day.slice(5, 7));
  return cadence === 'monthly' ? day.slice(0, 7) : `${year}-Q${Math.ceil(month / 3)}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The first and last day of a period. */
export function periodBounds(period: string): [string, string] {
  const year = Number(period.slice(0, 4));
  const quarter = /^\d{4}-Q([1-4])$/.exec(period);
  const firstMonth = quarter ? (Number(quarter[1]) - 1) * 3 + 1 : Number(period.slice(5, 7));
  const lastMonth = quarter ? firstMonth + 2 : firstMonth;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return [`${year}-${pad(firstMonth)}-01`, `${year}-${pad(lastMonth)}-${pad(lastDay)}`];
}

/** Every period of a cadence from the one holding `from` to the one holding `to`, oldest first. */
export function periodsBetween(cadence: Cadence, from: string, to: string): string[] {
  if (!isDay(from) || !isDay(to) || from > to) return [];
  const out: string[] = [];
  let year = Number(from.slice(0, 4));
  const step = cadence === 'monthly' ? 1 : 3;
  let month = Number(from.slice(5, 7));
  if (cadence === 'quarterly') month = Math.floor((month - 1) / 3) * 3 + 1;
  const last = periodOf(cadence, to);
  for (;;) {
    const period = periodOf(cadence, `${year}-${pad(month)}-01`);
    out.push(period);
    if (period === last) return out;
    month += step;
    if (month > 12) {
      month -= 12;
      year += 1;
    }
  }
}

export interface HeldMeeting {
  kind: MeetingKind;
  heldOn: string;
}

export interface PlannedMeeting {
  id: string;
  kind: MeetingKind;
  plannedOn: string;
}

export interface DueItem {
  kind: MeetingKind;
  period: string;
  /** The period's last day: the meeting must be held by then. */
  deadline: string;
  status: 'due' | 'overdue';
  /** A planned (not yet recorded) meeting of the kind inside the period, if one exists. */
  planned: string | null;
}

export interface DueInput {
  /** The first day the branch's organisational life is tracked (its periods start with this one's). */
  trackingFrom: string;
  today: string;
  /** Branches without party groups (党小组) are not asked for group meetings. */
  hasGroups: boolean;
  held: readonly HeldMeeting[];
  planned?: readonly PlannedMeeting[];
}

/** The kinds a branch must hold: all five, or four when it has no party groups. */
export const kindsOf = (hasGroups: boolean): MeetingKind[] =>
  MEETING_KINDS.filter((k) => hasGroups || k !== 'group');

/** What is due (this period, not yet held) and overdue (an earlier period never held), oldest first. */
export function dueList(input: DueInput): DueItem[] {
  const out: DueItem[] = [];
  for (const kind of kindsOf(input.hasGroups)) {
    const cadence = CADENCE[kind];
    const met = new Set(input.held.filter((m) => m.kind === kind).map((m) => periodOf(cadence, m.heldOn)));
    const current = periodOf(cadence, input.today);
    for (const period of periodsBetween(cadence, input.trackingFrom, input.today)) {
      if (met.has(period)) continue;
      const [first, deadline] = periodBounds(period);
      const planned = (input.planned ?? []).find(
        (p) => p.kind === kind && p.plannedOn >= first && p.plannedOn <= deadline,
      );
      out.push({
        kind,
        period,
        deadline,
        status: period === current ? 'due' : 'overdue',
        planned: planned?.id ?? null,
      });
    }
  }
  return out.sort((a, b) => a.deadline.localeCompare(b.deadline) || a.kind.localeCompare(b.kind));
}
