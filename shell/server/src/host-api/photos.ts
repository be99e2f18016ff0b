/**
 * Uploaded photos are re-encoded before they are stored: a phone's JPEG carries EXIF with the GPS
 * position of the resident's house, the camera's serial number and the time; none of it may reach the
 * store or another reader. sharp writes no metadata unless asked to; the EXIF orientation is applied to
 * the pixels first, so the photo still shows upright without it. Animated GIF and WebP keep their frames.
 */
import type { MediaType } from '@cunmen/host-api';
import sharp from 'sharp';

export async function withoutMetadata(bytes: Buffer, type: MediaType): Promise<Buffer> {
  const animated = type === 'image/gif' || type === 'image/webp';
  // Orientation applies to a still photo; animated frames are re-encoded as they are.
  const image = animated
    ? sharp(bytes, { animated, failOn: 'none' })
    : sharp(bytes, { failOn: 'none' }).rotate();
  switch (type) {
    case 'image/jpeg':
      return image.jpeg({ quality: 90 }).toBuffer();
    case 'image/png':
      return image.png().toBuffer();
    case 'image/webp':
      return image.webp({ quality: 90 }).toBuffer();
    case 'image/gif':
      return image.gif().toBuffer();
  }
}
