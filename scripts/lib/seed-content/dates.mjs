// Calendar days and reporting periods in China time (UTC+8), relative to the day the demo is seeded:
// the content is always recent, and every period it names has begun (the modules refuse later ones).

const CHINA_OFFSET_MS = 8 * 3600_000;
const QUARTERS = ['一', '二', '三', '四'];

/** Today in China, `YYYY-MM-DD`. */
export function chinaToday(now = new Date()) {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** `date` plus `days` calendar days. */
export function addDays(date, days) {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const monthKey = (y, m) => `${y}-${String(m).padStart(2, '0')}`;

/** The month before the one `today` is in, `YYYY-MM`. */
export function previousMonth(today) {
  const [y, m] = today.split('-').map(Number);
  return m === 1 ? monthKey(y - 1, 12) : monthKey(y, m - 1);
}

/** The quarter `today` is in, `YYYY-Qn`. */
export function currentQuarter(today) {
  const [y, m] = today.split('-').map(Number);
  return `${y}-Q${Math.ceil(m / 3)}`;
}

/** The quarter before the one `today` is in. */
export function previousQuarter(today) {
  const [y, q] = currentQuarter(today).split('-Q').map(Number);
  return q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;
}

/** `2026-11` → 2026年11月, `2026-Q3` → 2026年第三季度, `2026-11-30` → 2026年11月30日. */
export function periodLabel(key) {
  const [y, rest, day] = key.split('-');
  if (rest.startsWith('Q')) return `${y}年第${QUARTERS[Number(rest.slice(1)) - 1]}季度`;
  return `${y}年${Number(rest)}月${day ? `${Number(day)}日` : ''}`;
}
