/**
 * Times are ISO strings from the module clock (`ctx.now()`), compared as strings (same fixed format).
 * Calendar periods (tracking-number dates, months, quarters) are China Standard Time, UTC+8, no DST.
 */

const CST_MS = 8 * 3600_000;
const HOUR_MS = 3600_000;

export function addHours(iso: string, hours: number): string {
  return new Date(new Date(iso).getTime() + hours * HOUR_MS).toISOString();
}

/** `YYYYMMDD` of the instant in China time. */
export function chinaDay(iso: string): string {
  return new Date(new Date(iso).getTime() + CST_MS).toISOString().slice(0, 10).replace(/-/g, '');
}

/** The UTC instant of 00:00 China time on the given calendar day. */
function chinaMidnight(year: number, month0: number, day: number): string {
  return new Date(Date.UTC(year, month0, day) - CST_MS).toISOString();
}

export interface Period {
  /** Inclusive start (ISO instant). */
  from: string;
  /** Exclusive end (ISO instant). */
  to: string;
}

export type PeriodError = { field: 'period' | 'from' | 'to'; en: string; zh: string };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDay(value: string): [number, number, number] | null {
  const m = DAY.exec(value);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]) - 1;
  const d = Number(m[3]);
  const date = new Date(Date.UTC(y, mo, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo || date.getUTCDate() !== d) return null;
  return [y, mo, d];
}

/**
 * A reporting period: `period` = `2026-11` (month), `2026-Q4` (quarter) or `2026` (year); or `from`/`to`
 * as inclusive calendar days `YYYY-MM-DD`; default the current month. At most 3 years.
 */
export function parsePeriod(
  query: { period?: string | undefined; from?: string | undefined; to?: string | undefined },
  now: string,
): Period | PeriodError {
  const { period, from, to } = query;
  if (period) {
    let m = /^(\d{4})-(\d{2})$/.exec(period);
    if (m) {
      const y = Number(m[1]);
      const mo = Number(m[2]) - 1;
      if (mo < 0 || mo > 11)
        return { field: 'period', en: 'period: no such month', zh: '统计期间：月份有误' };
      return { from: chinaMidnight(y, mo, 1), to: chinaMidnight(y, mo + 1, 1) };
    }
    m = /^(\d{4})-Q([1-4])$/.exec(period);
    if (m) {
      const y = Number(m[1]);
      const q = Number(m[2]) - 1;
      return { from: chinaMidnight(y, q * 3, 1), to: chinaMidnight(y, q * 3 + 3, 1) };
    }
    m = /^(\d{4})$/.exec(period);
    if (m) {
      const y = Number(m[1]);
      return { from: chinaMidnight(y, 0, 1), to: chinaMidnight(y + 1, 0, 1) };
    }
    return {
      field: 'period',
      en: 'period: expected YYYY-MM, YYYY-Qn or YYYY',
      zh: '统计期间格式应为 2026-11、2026-Q4 或 2026',
    };
  }
  if (from || to) {
    const f = from ? parseDay(from) : null;
    if (!f)
      return { field: 'from', en: 'from: expected a day YYYY-MM-DD', zh: '开始日期格式应为 2026-11-01' };
    const t = to ? parseDay(to) : null;
    if (!t) return { field: 'to', en: 'to: expected a day YYYY-MM-DD', zh: '结束日期格式应为 2026-11-30' };
    const range = { from: chinaMidnight(f[0], f[1], f[2]), to: chinaMidnight(t[0], t[1], t[2] + 1) };
    if (range.to <= range.from)
      return { field: 'to', en: 'to: must not be before from', zh: '结束日期不能早于开始日期' };
    if (new Date(range.to).getTime() - new Date(range.from).getTime() > 3 * 366 * 24 * HOUR_MS)
      return { field: 'to', en: 'to: a period is at most 3 years', zh: '统计期间最长 3 年' };
    return range;
  }
  const cst = new Date(new Date(now).getTime() + CST_MS);
  return {
    from: chinaMidnight(cst.getUTCFullYear(), cst.getUTCMonth(), 1),
    to: chinaMidnight(cst.getUTCFullYear(), cst.getUTCMonth() + 1, 1),
  };
}

export function isPeriodError(p: Period | PeriodError): p is PeriodError {
  return 'field' in p;
}

/** The China-time months `YYYY-MM` a period touches, each with its own bounds. */
export function monthsOf(period: Period): { month: string; from: string; to: string }[] {
  const out: { month: string; from: string; to: string }[] = [];
  const start = new Date(new Date(period.from).getTime() + CST_MS);
  let y = start.getUTCFullYear();
  let mo = start.getUTCMonth();
  for (;;) {
    const from = chinaMidnight(y, mo, 1);
    if (from >= period.to) break;
    const to = chinaMidnight(y, mo + 1, 1);
    // ISO strings: clip the month to the period (string order is time order).
    const clippedFrom = [from, period.from].sort()[1] as string;
    const clippedTo = [to, period.to].sort()[0] as string;
    out.push({ month: `${y}-${String(mo + 1).padStart(2, '0')}`, from: clippedFrom, to: clippedTo });
    mo += 1;
    if (mo === 12) {
      mo = 0;
      y += 1;
    }
  }
  return out;
}
