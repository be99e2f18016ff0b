/**
 * Periods and deadlines in China time (UTC+8, no daylight saving). A period key names one reporting
 * period: `2026-11` (month), `2026-Q4` (quarter), `2026-H2` (half-year), `2026` (year), and for items
 * due at once the event day `2026-11-02`. All instants are ISO strings in UTC.
 */
import type { Cadence } from './enums.js';

const CHINA_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

export type PeriodKind = 'day' | 'month' | 'quarter' | 'half' | 'year';

export interface Period {
  key: string;
  kind: PeriodKind;
  /** First day, `YYYY-MM-DD` (China date). */
  start: string;
  /** Last day, `YYYY-MM-DD` (China date). */
  end: string;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const ymd = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The China calendar date of an instant, `YYYY-MM-DD`. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The last instant of a China calendar day, as an ISO string. */
export function endOfChinaDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + DAY_MS - CHINA_OFFSET_MS - 1).toISOString();
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function validDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return y >= 2000 && y <= 2100 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo);
}

/** Parses a period key; null when it is not one. */
export function parsePeriod(key: string): Period | null {
  let m = /^(\d{4})$/.exec(key);
  if (m) {
    const y = Number(m[1]);
    if (y < 2000 || y > 2100) return null;
    return { key, kind: 'year', start: ymd(y, 1, 1), end: ymd(y, 12, 31) };
  }
  m = /^(\d{4})-H([12])$/.exec(key);
  if (m) {
    const y = Number(m[1]);
    const h = Number(m[2]);
    if (y < 2000 || y > 2100) return null;
    return h === 1
      ? { key, kind: 'half', start: ymd(y, 1, 1), end: ymd(y, 6, 30) }
      : { key, kind: 'half', start: ymd(y, 7, 1), end: ymd(y, 12, 31) };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    if (y < 2000 || y > 2100) return null;
    const last = q * 3;
    return { key, kind: 'quarter', start: ymd(y, last - 2, 1), end: ymd(y, last, daysIn(y, last)) };
  }
  m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (y < 2000 || y > 2100 || mo < 1 || mo > 12) return null;
    return { key, kind: 'month', start: ymd(y, mo, 1), end: ymd(y, mo, daysIn(y, mo)) };
  }
  if (validDate(key)) return { key, kind: 'day', start: key, end: key };
  return null;
}

const CADENCE_KIND: Record<Cadence, PeriodKind> = {
  immediate: 'day',
  monthly: 'month',
  quarterly: 'quarter',
  'half-yearly': 'half',
  yearly: 'year',
};

export function periodKindOf(cadence: Cadence): PeriodKind {
  return CADENCE_KIND[cadence];
}

/** The period of `kind` that contains the China date `date`. */
export function periodContaining(kind: PeriodKind, date: string): Period {
  const y = Number(date.slice(0, 4));
  const mo = Number(date.slice(5, 7));
  const key =
    kind === 'day'
      ? date
      : kind === 'month'
        ? `${pad(y, 4)}-${pad(mo)}`
        : kind === 'quarter'
          ? `${pad(y, 4)}-Q${Math.ceil(mo / 3)}`
          : kind === 'half'
            ? `${pad(y, 4)}-H${mo <= 6 ? 1 : 2}`
            : pad(y, 4);
  return parsePeriod(key) as Period;
}

/** The periods of `kind` that end inside `outer` (so a quarter holds three months and itself). */
export function periodsEndingIn(kind: PeriodKind, outer: Period): Period[] {
  if (kind === 'day') return [];
  const out: Period[] = [];
  let cursor = outer.start;
  while (cursor <= outer.end) {
    const p = periodContaining(kind, cursor);
    if (p.end >= outer.start && p.end <= outer.end && !out.some((o) => o.key === p.key)) out.push(p);
    cursor = addDays(p.end, 1);
  }
  return out;
}

/** The quarter before the one `now` falls in: the disclosures that are due now. */
export function defaultDashboardPeriod(now: Date): Period {
  const current = periodContaining('quarter', chinaDate(now));
  return periodContaining('quarter', addDays(current.start, -1));
}

/** Whether `cadence` takes periods of this key's kind. */
export function periodFitsCadence(cadence: Cadence, key: string): boolean {
  const p = parsePeriod(key);
  return p !== null && p.kind === CADENCE_KIND[cadence];
}
