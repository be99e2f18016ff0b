/**
 * A village's banner photo as residents download it: whatever a cadre's phone took (JPEG, PNG or
 * WebP, up to 8 MB and 40 megapixels) is turned upright by its EXIF orientation, cropped to 3:1 around
 * its most interesting part, scaled to 960 × 320 and re-encoded as WebP at quality 60 — about 20–40 KB
 * on a resident's phone, never the megabytes of the original. Re-encoding drops every metadata block
 * (EXIF with the GPS position, XMP, ICC), so the photo says nothing about where or when it was taken.
 */
import { createHash } from 'node:crypto';
import { sniffImageType } from '@cunmen/pii/sniff';
import sharp from 'sharp';
import { shellError } from '../errors.js';

export const BANNER_WIDTH = 960;
export const BANNER_HEIGHT = 320;
export const MAX_BANNER_UPLOAD = 8 * 1024 * 1024;
const MAX_PIXELS = 40_000_000;
export const BANNER_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

export interface EncodedBanner {
  /** `<sha256 of the WebP>.webp`, the value of `theme.banner`. */
  file: string;
  bytes: Buffer;
}

export function bannerTypeRefusal(type: string | null) {
  return shellError(
    'SHELL_ERR_MEDIA_TYPE',
    `content-type: a banner photo must be JPEG, PNG or WebP${type ? ` (got ${type})` : ''}`,
    { zh: '横幅照片只能是 JPG、PNG 或 WebP 格式的图片', field: 'content-type' },
  );
}

export async function encodeBanner(upload: Buffer, declared: string): Promise<EncodedBanner> {
  const sniffed = sniffImageType(upload);
  if (sniffed === null || sniffed !== declared || !(BANNER_TYPES as readonly string[]).includes(sniffed)) {
    throw bannerTypeRefusal(sniffed ?? declared);
  }
  let bytes: Buffer;
  try {
    bytes = await sharp(upload, { limitInputPixels: MAX_PIXELS, failOn: 'error' })
      .rotate()
      .resize(BANNER_WIDTH, BANNER_HEIGHT, { fit: 'cover', position: sharp.strategy.attention })
      .webp({ quality: 60, effort: 4 })
      .toBuffer();
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw shellError('SHELL_ERR_BANNER_UNREADABLE', `the photo could not be read: ${reason}`, {
      zh: '这张照片无法打开（文件可能已损坏，或超过 4000 万像素），请换一张',
      field: 'banner',
    });
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { file: `${sha256}.webp`, bytes };
}
