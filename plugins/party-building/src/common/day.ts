/** Days as the village counts them: China time (UTC+8, no daylight saving), `YYYY-MM-DD`. */
const CHINA_OFFSET_MS = 8 * 3600_000;

/** The China-time calendar day of an instant. */
export function chinaDay(at: Date | string): string {
  return new Date(new Date(at).getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

export const isDay = (s: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
