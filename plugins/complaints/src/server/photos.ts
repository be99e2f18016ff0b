import { randomUUID } from 'node:crypto';
import { callerOf, moduleError, userOf } from '@cunmen/module-api';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { addHours, sniffImage, within } from '../common/index.js';
import type { PhotoRow } from './rows.js';
import { type ComplaintsOptions, ID, isReader, residentOf, type Services } from './services.js';

/** `POST /photos` (raw image bytes, sniffed) and `GET /photos/:id` (owner or staff in scope). */
export async function photoRoutes(
  app: FastifyInstance,
  s: Services,
  options: ComplaintsOptions,
): Promise<void> {
  const { ctx, db, nowIso } = s;
  /* ------------------------------------------------------------ photos */

  const photoParser = (
    _req: FastifyRequest,
    body: Buffer,
    done: (err: Error | null, body?: unknown) => void,
  ) => done(null, body);
  const bodyLimit = options.photoMaxBytes * 2 + 1024;
  app.addContentTypeParser(/^image\/.*/, { parseAs: 'buffer', bodyLimit }, photoParser);
  // The SDK sends application/octet-stream for a file without a type; any other type is read as bytes too:
  // the magic bytes decide, never the declared type.
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, photoParser);

  app.post('/photos', { bodyLimit }, async (request, reply) => {
    const { user, village } = residentOf(request);
    const body = request.body;
    if (!Buffer.isBuffer(body) || body.length === 0) {
      throw moduleError(
        415,
        'COMPLAINTS_ERR_PHOTO_TYPE',
        'photo: send the image bytes (JPEG, PNG or WebP)',
        '请上传 JPG、PNG 或 WebP 格式的照片',
        'photo',
      );
    }
    if (body.length > options.photoMaxBytes) {
      throw moduleError(
        413,
        'COMPLAINTS_ERR_PHOTO_TOO_LARGE',
        `photo: at most ${options.photoMaxBytes} bytes`,
        `照片太大，每张不超过 ${Math.round(options.photoMaxBytes / 1024 / 1024)} MB`,
        'photo',
      );
    }
    const mime = sniffImage(body);
    if (!mime) {
      throw moduleError(
        415,
        'COMPLAINTS_ERR_PHOTO_TYPE',
        'photo: not a JPEG, PNG or WebP image',
        '请上传 JPG、PNG 或 WebP 格式的照片',
        'photo',
      );
    }
    const now = nowIso();
    const recent = await db
      .selectFrom('complaints_photo')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('uploader_id', '=', user.id)
      .where('created_at', '>', addHours(now, -24))
      .executeTakeFirst();
    if (Number(recent?.n ?? 0) >= options.photosPerDay) {
      throw moduleError(
        429,
        'COMPLAINTS_ERR_PHOTO_QUOTA',
        'photo: too many photos today',
        '今天上传的照片太多了，请明天再试',
        'photo',
      );
    }
    const sha256 = await ctx.blobs.put(body);
    const id = randomUUID();
    await db
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
    return reply.code(201).send({ id, type: mime, size: body.length });
  });

  app.get<{ Params: { id: string } }>('/photos/:id', async (request, reply) => {
    const caller = callerOf(request);
    const user = userOf(request);
    const photo: PhotoRow | undefined = ID.test(request.params.id)
      ? await db
          .selectFrom('complaints_photo')
          .selectAll()
          .where('id', '=', request.params.id)
          .executeTakeFirst()
      : undefined;
    const notFound = () =>
      moduleError(404, 'COMPLAINTS_ERR_PHOTO_NOT_FOUND', 'no such photo', '没有找到这张照片');
    if (!photo) throw notFound();
    const own = photo.uploader_id === user.id && user.role === 'resident';
    const staff = isReader(user) && photo.case_id !== null && within(user.division, photo.village);
    if (!own && !staff) throw notFound();
    const bytes = await ctx.blobs.get(photo.sha256);
    if (!bytes) throw notFound();
    if (staff && !own) {
      await ctx.audit.append({
        actor: user.name,
        action: 'photo.view',
        subject: `case:${photo.case_id}`,
        detail: { photo: photo.id },
        ip: caller.ip,
      });
    }
    return reply
      .header('content-type', photo.mime)
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff')
      .send(bytes);
  });
}
