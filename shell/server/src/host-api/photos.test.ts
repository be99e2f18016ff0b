/** Uploaded photos lose their metadata: a JPEG carrying GPS EXIF is stored without any. */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { withoutMetadata } from './photos.js';

/** A small JPEG with an EXIF block: the camera's fields and a GPS position (Xiantan). */
async function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 16, height: 8, channels: 3, background: '#c33' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'CunmenPhone', Model: 'X-1', Copyright: 'resident-photo' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '30/1 33/1 12/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '119/1 58/1 30/1',
        GPSMapDatum: 'WGS-84',
      },
    })
    .toBuffer();
}

describe('withoutMetadata', () => {
  it('re-encodes a JPEG with GPS EXIF into one with no EXIF, GPS or camera fields', async () => {
    const original = await jpegWithGps();
    const before = await sharp(original).metadata();
    expect(before.exif?.includes('WGS-84')).toBe(true);
    expect(original.includes('CunmenPhone')).toBe(true);

    const stored = await withoutMetadata(original, 'image/jpeg');
    const after = await sharp(stored).metadata();
    expect(after).toMatchObject({ format: 'jpeg', width: 16, height: 8 });
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(stored.includes('WGS-84')).toBe(false);
    expect(stored.includes('CunmenPhone')).toBe(false);
    expect(stored.includes('Exif')).toBe(false);
  });

  it('applies the EXIF orientation to the pixels before dropping it', async () => {
    const sideways = await sharp({ create: { width: 16, height: 8, channels: 3, background: '#3c3' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const stored = await withoutMetadata(sideways, 'image/jpeg');
    expect(await sharp(stored).metadata()).toMatchObject({ width: 8, height: 16 });
  });

  it.each([
    ['image/png', () => sharp({ create: { width: 4, height: 4, channels: 4, background: '#00f8' } }).png()],
    ['image/webp', () => sharp({ create: { width: 4, height: 4, channels: 3, background: '#0f0' } }).webp()],
    ['image/gif', () => sharp({ create: { width: 4, height: 4, channels: 3, background: '#f00' } }).gif()],
  ] as const)('keeps a %s in its format, without metadata', async (type, make) => {
    const original = await make()
      .withExif({ IFD0: { Copyright: 'resident-photo' } })
      .toBuffer();
    const stored = await withoutMetadata(original, type);
    expect((await sharp(stored).metadata()).format).toBe(type.slice('image/'.length));
    expect(stored.includes('resident-photo')).toBe(false);
  });

  it('refuses bytes that are not a decodable image', async () => {
    await expect(withoutMetadata(Buffer.from('\xff\xd8\xff not really'), 'image/jpeg')).rejects.toThrow();
  });
});
