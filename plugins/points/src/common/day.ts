/** Days as the village counts them: China time (UTC+8, no daylight saving), `YYYY-MM-DD`. */
const CHINA_OFFSET_MS = 8 * 3600_000;

/** The China-time calendar day of an instant. */
export function chinaDay(at: Date | string): string {
  return new Date(new Date(at).getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** `YYYY-MM` of a China-time day or instant. */
export const chinaMonth = (at: Date | string): string => chinaDay(at).slice(0, 7);

/** The UTC instants a China-time month spans, as ISO strings `[from, to)`. */
export function monthRange(month: string): [string, string] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const from = new Date(Date.UTC(y, m - 1, 1) - CHINA_OFFSET_MS);
  const to = new Date(Date.UTC(y, m, 1) - CHINA_OFFSET_MS);
  return [from.toISOString(), to.toISOString()];
}

/** A real calendar day: `2026-02-30` and `1968-13-01` are not (the latter would make toISOString throw). */
export function isDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const at = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().startsWith(s);
}

export const isMonth = (s: string): boolean => /^\d{4}-(0[1-9]|1[0-2])$/.test(s);
