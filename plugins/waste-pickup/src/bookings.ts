/** The `bookings` collection and the checks of the booking form. */
export const BOOKINGS = 'bookings';
/** The store's largest page. */
export const BOOKINGS_PAGE = 100;
export const KINDS = ['recyclable', 'bulky'] as const;
export const UNITS = ['piece', 'bag', 'kg'] as const;
export const MIN_QUANTITY = 1;
export const MAX_QUANTITY = 50;
/** Bookable days: tomorrow and the 6 days after it. */
export const DAYS_AHEAD = 7;

export type Kind = (typeof KINDS)[number];
export type Unit = (typeof UNITS)[number];

/** What the resident fills in (also the form submission). */
export interface BookingForm {
  kind: Kind;
  quantity: number;
  unit: Unit;
  address: string;
  /** YYYY-MM-DD, local date. */
  date: string;
  /** Media id from media.upload. */
  photo?: string;
}

export interface Booking extends BookingForm {
  photoUrl?: string;
  status: 'booked' | 'closed';
  /** The form receipt. */
  receiptId: string;
  userId: string;
  /** Masked by the host. */
  userName: string;
  closedAt?: string;
  closeNote?: string;
}
