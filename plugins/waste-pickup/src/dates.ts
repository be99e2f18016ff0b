/** Dates and the plain checks of the booking form (page and cadre page; the tile needs none of it). */
import { DAYS_AHEAD, MAX_QUANTITY, MIN_QUANTITY } from './bookings.js';

/** The local date `days` after `from`, as YYYY-MM-DD. */
export function isoDate(from: Date, days = 0): string {
  const d = new Date(from.getFullYear(), from.getMonth(), from.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The bookable dates as of `now`: tomorrow … 7 days ahead. */
export function bookableDates(now: Date): string[] {
  return Array.from({ length: DAYS_AHEAD }, (_, i) => isoDate(now, i + 1));
}

/** “3月2日 周日” / “Sun 2/3”, through the widget's messages (Intl output differs between engines). */
export function formatDate(
  date: string,
  t: (key: 'date' | 'weekdays', vars?: Record<string, string | number>) => string,
): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const w = t('weekdays').split(',')[new Date(y, m - 1, d).getDay()] ?? '';
  return t('date', { m, d, w });
}

export type BookingErrors = Partial<
  Record<'address' | 'quantity' | 'date', 'addressRequired' | 'quantityRange' | 'dateRange'>
>;

/** Plain checks; returns message keys (empty when the booking may be sent). */
export function checkBooking(
  form: { address: string; quantity: number | null; date: string },
  now: Date,
): BookingErrors {
  const errors: BookingErrors = {};
  if (form.address.trim() === '') errors.address = 'addressRequired';
  const q = form.quantity;
  if (q === null || !Number.isInteger(q) || q < MIN_QUANTITY || q > MAX_QUANTITY)
    errors.quantity = 'quantityRange';
  if (!bookableDates(now).includes(form.date)) errors.date = 'dateRange';
  return errors;
}
