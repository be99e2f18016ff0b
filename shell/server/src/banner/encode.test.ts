import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { BANNER_HEIGHT, BANNER_WIDTH, encodeBanner } from './encode.js';

/** A 4000 × 3000 phone photo with its GPS position and camera in EXIF, as a cadre's phone saves it. */
async function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#3a7d44' } })
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'Phone', Model: 'X1', Copyright: '仙潭村' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '30/1 32/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '119/1 58/1 0/1',
      },
    })
    .toBuffer();
}

describe('encodeBanner', () => {
  it('crops and scales a phone photo to 960 × 320 WebP, well under 60 KB, with no metadata left', async () => {
    const upload = await phonePhoto();
    expect((await sharp(upload).metadata()).exif?.length).toBeGreaterThan(0);
    const banner = await encodeBanner(upload, 'image/jpeg');
    const meta = await sharp(banner.bytes).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: BANNER_WIDTH, height: BANNER_HEIGHT });
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(banner.bytes.length).toBeLessThan(60 * 1024);
    expect(banner.file).toMatch(/^[0-9a-f]{64}\.webp$/);
    // Content-addressed: the same photo gives the same file.
    expect((await encodeBanner(upload, 'image/jpeg')).file).toBe(banner.file);
  });

  it.each([
    [
      'a PNG sent as JPEG',
      () =>
        sharp({ create: { width: 10, height: 10, channels: 3, background: '#fff' } })
          .png()
          .toBuffer(),
      'image/jpeg',
    ],
    ['an SVG', async () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/svg+xml'],
    ['a GIF', async () => Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'binary'), 'image/gif'],
  ])('refuses %s in Chinese', async (_what, make, type) => {
    await expect(encodeBanner(await make(), type)).rejects.toMatchObject({
      code: 'SHELL_ERR_MEDIA_TYPE',
      zh: '横幅照片只能是 JPG、PNG 或 WebP 格式的图片',
    });
  });

  it('refuses a truncated photo as unreadable', async () => {
    const upload = await phonePhoto();
    await expect(encodeBanner(upload.subarray(0, 2000), 'image/jpeg')).rejects.toMatchObject({
      code: 'SHELL_ERR_BANNER_UNREADABLE',
      field: 'banner',
    });
  });
});
