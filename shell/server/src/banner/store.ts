/**
 * Banner photos, content-addressed in the shell's blob store (files under the data directory, or the
 * object store in scale mode): a file name is the SHA-256 of its WebP bytes, so a stored photo never
 * changes and can be cached forever.
 */
import type { ModuleBlobs } from '@cunmen/module-api';
import { shellError } from '../errors.js';
import type { EncodedBanner } from './encode.js';

/** The blob store's name for banners (beside the modules' own). */
export const BANNER_BLOBS = 'portal-banners';

const FILE = /^([0-9a-f]{64})\.webp$/;

export class BannerStore {
  constructor(private readonly blobs: ModuleBlobs) {}

  async put(banner: EncodedBanner): Promise<void> {
    const sha256 = await this.blobs.put(banner.bytes);
    if (`${sha256}.webp` !== banner.file)
      throw new Error(`banner store answered ${sha256} for ${banner.file}`);
  }

  /** The WebP bytes of `file`, or null when it is not a stored banner. */
  async get(file: string): Promise<Buffer | null> {
    const match = FILE.exec(file);
    return match ? this.blobs.get(match[1] as string) : null;
  }

  /** Refuses a config naming a banner that was never uploaded (a typo, or another shell's file). */
  async checkExists(file: string | undefined): Promise<void> {
    if (file === undefined || (await this.get(file)) !== null) return;
    throw shellError(
      'SHELL_ERR_UNKNOWN_BANNER',
      `theme.banner: no banner photo ${file} was uploaded to this shell`,
      {
        zh: 'theme.banner：找不到这张横幅照片，请重新上传',
        field: 'theme.banner',
      },
    );
  }
}

/** Where residents' browsers fetch a banner: the same path on the resident and the console origin. */
export const bannerPath = (file: string): string => `/media/banners/${file}`;
