/** `POST /photos` (raw image bytes, sniffed) and `GET /photos/:id` (owner, or staff in scope once attached). */
import { randomUUID } from 'node:crypto';
import { callerOf, param, toCount, userOf } from '@cunmen/module-api';
import { addHours, complaintsErrors, isReader, photoType, within } from '../../common/index.js';
import { residentOf } from '../access.js';
import type { ComplaintsRoute } from '../context.js';
import type { PhotoRow } from '../rows.js';
import { isId } from '../store.js';

export const photoRoutes: ComplaintsRoute[] = [
  {
    method: 'POST',
    url: '/photos',
    async handler(c, request, reply) {
      const { user, village } = residentOf(request);
      const body = request.body;
      const max = c.options.photoMaxBytes;
      if (!Buffer.isBuffer(body) || body.length === 0) {
        throw complaintsErrors.error('COMPLAINTS_ERR_PHOTO_TYPE', {
          en: 'photo: send the image bytes (JPEG, PNG or WebP)',
          field: 'photo',
        });
      }
      if (body.length > max) {
        throw complaintsErrors.error('COMPLAINTS_ERR_PHOTO_TOO_LARGE', {
          en: `photo: at most ${max} bytes`,
          zh: `照片太大，每张不超过 ${Math.round(max / 1024 / 1024)} MB`,
          field: 'photo',
        });
      }
      const mime = photoType(body);
      if (!mime) throw complaintsErrors.error('COMPLAINTS_ERR_PHOTO_TYPE', { field: 'photo' });
      const now = c.nowIso();
      const recent = await c.db
        .selectFrom('complaints_photo')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('uploader_id', '=', user.id)
        .where('created_at', '>', addHours(now, -24))
        .executeTakeFirst();
      if (toCount(recent?.n) >= c.options.photosPerDay) {
        throw complaintsErrors.error('COMPLAINTS_ERR_PHOTO_QUOTA', { field: 'photo' });
      }
      const sha256 = await c.blobs.put(body);
      const id = randomUUID();
      await c.db
        .insertInto('complaints_photo')
        .values({
          id,
          village,
          uploader_id: user.id,
          sha256,
          mime,
          size: body.length,
          created_at: now,
          case_id: null,
          position: null,
        })
        .execute();
      reply.code(201);
      return { id, type: mime, size: body.length };
    },
  },
  {
    method: 'GET',
    url: '/photos/:id',
    async handler(c, request, reply) {
      const caller = callerOf(request);
      const user = userOf(request);
      const id = param(request, 'id');
      const photo: PhotoRow | undefined = isId(id)
        ? await c.db.selectFrom('complaints_photo').selectAll().where('id', '=', id).executeTakeFirst()
        : undefined;
      const notFound = () => complaintsErrors.error('COMPLAINTS_ERR_PHOTO_NOT_FOUND');
      if (!photo) throw notFound();
      const own = photo.uploader_id === user.id && user.role === 'resident';
      const staff = isReader(user) && photo.case_id !== null && within(user.division, photo.village);
      if (!own && !staff) throw notFound();
      const bytes = await c.blobs.get(photo.sha256);
      if (!bytes) throw notFound();
      if (staff && !own) {
        await c.audit.append({
          actor: user.name,
          action: 'photo.view',
          subject: `case:${photo.case_id}`,
          detail: { photo: photo.id },
          ip: caller.ip,
        });
      }
      reply
        .header('content-type', photo.mime)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff');
      return bytes;
    },
  },
];
