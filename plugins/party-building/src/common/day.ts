/** Days as the village counts them: China time (UTC+8, no daylight saving), `YYYY-MM-DD`. */
const CHINA_OFFSET_MS = 8 * 3600_000;

/** The China-time calendar day of an instant. */
export function chinaDay(at: Date | string): string {
  return new Date(new Date(at).getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** A real calendar day `YYYY-MM-DD` (`2026-02-30` and `1968-13-01` are not). */
export function isDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const at = new Date(`${s}T00:00:00Z`);
  // An impossible month makes an invalid Date, whose toISOString throws: a 500 for a typo.
  return !Number.isNaN(at.getTime()) && at.toISOString().startsWith(s);
}
