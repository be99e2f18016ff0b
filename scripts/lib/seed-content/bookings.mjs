// 垃圾分类预约 (@yiyuan/waste-pickup) content: residents book pickups as the widget's page does — the
// form submission first (its receipt), then the booking document with the masked name the host API
// gives the widget — and the village cadre closes the ones already collected on the admin page.
// Dates are the page's bookable days: tomorrow and the six days after.
import { DEMO_VILLAGES } from '../seed-shell.mjs';
import { addDays } from './dates.mjs';

const WIDGET = '@yiyuan/waste-pickup';
const BOOKINGS = 'bookings';
const FORM = 'pickup';
const [XIANTAN, WUSI, ZHUJIAHU] = DEMO_VILLAGES.map((v) => v.code);

const booking = (resident, kind, quantity, unit, address, inDays, closeNote) => ({
  resident,
  form: { kind, quantity, unit, address },
  inDays,
  closeNote,
});

export const PICKUPS = {
  [XIANTAN]: [
    booking('xiantan-resident', 'recyclable', 4, 'bag', '仙潭村3组12号', 1),
    booking('xiantan-shen', 'bulky', 2, 'piece', '仙潭村2组8号', 3),
    booking('xiantan-resident', 'recyclable', 3, 'bag', '仙潭村3组12号', 6),
    booking('xiantan-resident', 'bulky', 1, 'piece', '仙潭村3组12号', 2, '已上门收走旧床垫1张。'),
    booking('xiantan-shen', 'recyclable', 15, 'kg', '仙潭村2组8号', 1, '已收走纸板和塑料瓶约15公斤。'),
  ],
  [WUSI]: [
    booking('wusi-yao', 'bulky', 1, 'piece', '五四村4组6号', 2),
    booking('wusi-yao', 'recyclable', 6, 'bag', '五四村4组6号', 1, '已收走可回收物6袋。'),
  ],
  [ZHUJIAHU]: [
    booking('zhujiahu-zhu', 'recyclable', 20, 'kg', '朱家户村东街3号', 1),
    booking('zhujiahu-zhu', 'bulky', 1, 'piece', '朱家户村东街3号', 4, '已上门收走旧衣柜1个。'),
  ],
};

const sameBooking = (userId, form) => (d) =>
  d.data.userId === userId &&
  d.data.kind === form.kind &&
  d.data.quantity === form.quantity &&
  d.data.unit === form.unit &&
  d.data.address === form.address;

/** Books the village's pickups that are missing and closes the collected ones; returns how many there are. */
export async function ensureBookings({ village, people, today, say }) {
  const wanted = (PICKUPS[village] ?? []).filter((b) => people.has(b.resident));
  const cadreName = people.accountOf(village, 'village-cadre');
  if (wanted.length === 0 || !cadreName) return 0;
  const cadre = await people.session(cadreName);
  if (!(await cadre.places(village, WIDGET))) {
    say(`${village}: the portal has no 垃圾分类预约; no bookings`);
    return 0;
  }
  const admin = cadre.host(village, WIDGET);
  let booked = await admin.list(BOOKINGS);
  for (const b of wanted) {
    const page = (await people.session(b.resident)).host(village, WIDGET);
    const user = await page.me();
    let doc = booked.find(sameBooking(user.id, b.form));
    if (!doc) {
      // A run stopped between the two writes leaves a receipt without a booking, as a page closed at
      // that moment would; the booking is made again with a new receipt.
      const form = { ...b.form, date: addDays(today, b.inDays) };
      const receipt = await page.submitForm(FORM, form);
      const data = {
        ...form,
        status: 'booked',
        receiptId: receipt.id,
        userId: user.id,
        userName: user.displayName,
      };
      doc = await page.create(BOOKINGS, data);
      booked = [doc, ...booked];
    }
    if (b.closeNote && doc.data.status === 'booked') {
      const closed = {
        ...doc.data,
        status: 'closed',
        closedAt: new Date().toISOString(),
        closeNote: b.closeNote,
      };
      await admin.put(BOOKINGS, doc.id, closed, doc.version);
    }
  }
  return wanted.length;
}
