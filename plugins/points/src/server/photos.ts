/**
 * Photos residents take as evidence for a claim: raw bytes, checked by their magic bytes (never the
 * declared type), stored content-addressed in the module's blobs. A photo is the uploader's until a
 * claim takes it (claims.ts); the committee sees it with the claim.
 */
import { randomUUID } from 'node:crypto';
import { toCount } from '@cunmen/module-api';
import { chinaDay, MAX_PHOTO_BYTES, PHOTOS_PER_DAY, pointsErrors } from '../common/index.js';
import type { PointsContext } from './context.js';
import type { PhotoRow } from './rows.js';

const MAGIC: readonly [string, number[]][] = [
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
];

/** The image type the bytes really are, or null. */
export function photoType(bytes: Uint8Array): string | null {
  for (const [mime, magic] of MAGIC) if (magic.every((b, i) => bytes[i] === b)) return mime;
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length > 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  return null;
}

export async function storePhoto(
  c: PointsContext,
  village: string,
  uploaderId: number,
  body: unknown,
): Promise<PhotoRow> {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
  if (bytes.length > MAX_PHOTO_BYTES) throw pointsErrors.error('POINTS_ERR_PHOTO_TOO_LARGE');
  const mime = photoType(bytes);
  if (!mime) throw pointsErrors.error('POINTS_ERR_PHOTO_TYPE');
  // The day starts at midnight China time: the first instant of today as stored (ISO, UTC).
  const dayStart = new Date(`${chinaDay(c.now())}T00:00:00+08:00`).toISOString();
  const today = await c.db
    .selectFrom('points_photo')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('uploader_id', '=', uploaderId)
    .where('created_at', '>=', dayStart)
    .executeTakeFirst();
  if (toCount(today?.n) >= PHOTOS_PER_DAY) throw pointsErrors.error('POINTS_ERR_PHOTO_QUOTA');
  const row: PhotoRow = {
    id: randomUUID(),
    village,
    uploader_id: uploaderId,
    sha256: await c.blobs.put(bytes),
    mime,
    size: bytes.length,
    claim_id: null,
    created_at: c.nowIso(),
  };
  await c.db.insertInto('points_photo').values(row).execute();
  return row;
}

export async function findPhoto(c: PointsContext, village: string, id: string): Promise<PhotoRow> {
  const row = await c.db
    .selectFrom('points_photo')
    .selectAll()
    .where('id', '=', id)
    .where('village', '=', village)
    .executeTakeFirst();
  if (!row) throw pointsErrors.error('POINTS_ERR_PHOTO_NOT_FOUND');
  return row;
}
