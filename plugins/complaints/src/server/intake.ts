/**
 * A resident's submission becomes a case: its photos must be the resident's own unattached uploads, the
 * daily quota holds, the time limits come from the effective settings, and the tracking number
 * (`JS<China day>-0001`) is the next of the village's day.
 */
import { randomUUID } from 'node:crypto';
import { isUniqueViolation, type ModuleUser, toCount } from '@cunmen/module-api';
import { addHours, CATEGORIES, type Category, chinaDay, complaintsErrors } from '../common/index.js';
import type { ComplaintsContext } from './context.js';
import type { PhotoRow } from './rows.js';
import { addEvent, isId, settingsFor } from './store.js';

export interface Submission {
  category: Category;
  text: string;
  photos: string[];
  place?: string | undefined;
  location?: { lat: number; lng: number } | null | undefined;
  public: boolean;
}

/** Throws `COMPLAINTS_ERR_PHOTO_UNKNOWN` naming the first photo that is not the resident's to attach. */
async function checkPhotos(c: ComplaintsContext, user: ModuleUser, village: string, ids: string[]) {
  if (new Set(ids).size !== ids.length) {
    throw complaintsErrors.error('COMPLAINTS_ERR_PHOTO_UNKNOWN', {
      en: 'photos: the same photo twice',
      zh: '同一张照片添加了两次',
      field: 'photos',
    });
  }
  // No query for no well-formed id: PostgreSQL refuses an empty `in ()` that SQLite accepts.
  const wellFormed = ids.filter(isId);
  const photos: PhotoRow[] = wellFormed.length
    ? await c.db.selectFrom('complaints_photo').selectAll().where('id', 'in', wellFormed).execute()
    : [];
  ids.forEach((id, i) => {
    const p = photos.find((x) => x.id === id);
    if (!p || p.uploader_id !== user.id || p.village !== village || p.case_id !== null) {
      throw complaintsErrors.error('COMPLAINTS_ERR_PHOTO_UNKNOWN', {
        en: `photos.${i}: not a photo you uploaded (or it belongs to another case)`,
        zh: `第 ${i + 1} 张照片无效，请重新上传`,
        field: `photos.${i}`,
      });
    }
  });
}

/** Stores the case with its photos and first history entry; returns its id and tracking number. */
export async function createCase(
  c: ComplaintsContext,
  user: ModuleUser,
  village: string,
  body: Submission,
): Promise<{ id: string; tracking: string }> {
  await checkPhotos(c, user, village, body.photos);
  const now = c.nowIso();
  const today = await c.db
    .selectFrom('complaints_case')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('resident_id', '=', user.id)
    .where('submitted_at', '>', addHours(now, -24))
    .executeTakeFirst();
  if (toCount(today?.n) >= c.options.submissionsPerDay) {
    throw complaintsErrors.error('COMPLAINTS_ERR_RATE_LIMIT');
  }
  const { settings } = await settingsFor(c, village);
  const limitClass = CATEGORIES[body.category].limitClass;
  const id = randomUUID();
  const prefix = `JS${chinaDay(now)}-`;
  let tracking = '';
  // Two submissions in the same second may compute the same number (PostgreSQL, several instances):
  // the unique index refuses the second, which then takes the next number.
  for (let attempt = 1; ; attempt++) {
    try {
      await c.db.transaction().execute(async (trx) => {
        const last = await trx
          .selectFrom('complaints_case')
          .select((eb) => eb.fn.max('tracking').as('t'))
          .where('village', '=', village)
          .where('tracking', 'like', `${prefix}%`)
          .executeTakeFirst();
        const seq = last?.t ? Number(String(last.t).slice(prefix.length)) + 1 : 1;
        tracking = `${prefix}${String(seq).padStart(4, '0')}`;
        await trx
          .insertInto('complaints_case')
          .values({
            id,
            tracking,
            village,
            category: body.category,
            limit_class: limitClass,
            text: body.text.trim(),
            place: body.place || null,
            lat: body.location?.lat ?? null,
            lng: body.location?.lng ?? null,
            is_public: body.public ? 1 : 0,
            status: 'submitted',
            resident_id: user.id,
            resident_name: user.displayName,
            household: user.household,
            submitted_at: now,
            accept_due: addHours(now, settings.acceptHours),
            reply_due: addHours(now, settings.replyHours[limitClass]),
            updated_at: now,
          })
          .execute();
        for (const [position, photo] of body.photos.entries()) {
          await trx
            .updateTable('complaints_photo')
            .set({ case_id: id, position })
            .where('id', '=', photo)
            .execute();
        }
        await addEvent(trx, id, {
          at: now,
          action: 'submit',
          from_status: null,
          to_status: 'submitted',
          unit: '村民',
          actor: null,
          actor_id: user.id,
          actor_role: 'resident',
          target: null,
          note: null,
        });
      });
      return { id, tracking };
    } catch (err) {
      if (attempt >= 3 || !isUniqueViolation(err)) throw err;
    }
  }
}
