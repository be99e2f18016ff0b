/** Config and bookings the tests and stories start from. */
import type { Booking } from './bookings.js';
import type { Config } from './config.js';
import { isoDate } from './dates.js';

export const config: Config = { heading: '垃圾分类预约', notice: '回收员会在预约当天上门。' };

export const residentCapabilities = [
  'form.submit',
  'store.read',
  'store.write',
  'media.upload',
  'user.read',
] as const;

/** Bookings of two residents (resident-1 is MockHost's signed-in resident); dates relative to today. */
export function sampleBookings(now = new Date()): Booking[] {
  return [
    {
      kind: 'bulky',
      quantity: 2,
      unit: 'piece',
      address: '3 组 12 号',
      date: isoDate(now, 3),
      status: 'booked',
      receiptId: 'r-101',
      userId: 'resident-1',
      userName: '张*华',
    },
    {
      kind: 'recyclable',
      quantity: 4,
      unit: 'bag',
      address: '5 组 8 号',
      date: isoDate(now, 1),
      status: 'booked',
      receiptId: 'r-102',
      userId: 'resident-2',
      userName: '王*',
    },
    {
      kind: 'recyclable',
      quantity: 10,
      unit: 'kg',
      address: '3 组 12 号',
      date: isoDate(now, -5),
      status: 'closed',
      receiptId: 'r-099',
      userId: 'resident-1',
      userName: '张*华',
      closedAt: new Date(now.getTime() - 86_400_000).toISOString(),
      closeNote: '已收走纸板 10 公斤',
    },
  ];
}
