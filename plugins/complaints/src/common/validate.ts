/** The checks of a resident's submission and photos, shared by the form (before sending) and the server. */
import type { CunmenError } from '@cunmen/errors';
import { sniffImageType } from '@cunmen/pii/sniff';
import { complaintsErrors } from './errors.js';
import { CATEGORIES, isCategory, MAX_PHOTOS, MAX_TEXT, PHOTO_TYPES, type PhotoType } from './model.js';

/** The first problem of the submission as the coded error the server answers with, or null. */
export function checkSubmission(input: {
  category: unknown;
  text: unknown;
  photos?: readonly unknown[];
}): CunmenError | null {
  if (!isCategory(input.category)) {
    return complaintsErrors.error('COMPLAINTS_ERR_CATEGORY', {
      field: 'category',
      en: `category: expected one of ${Object.keys(CATEGORIES).join(', ')}`,
    });
  }
  const text = typeof input.text === 'string' ? input.text.trim() : '';
  if (text.length === 0) return complaintsErrors.error('COMPLAINTS_ERR_TEXT_REQUIRED', { field: 'text' });
  if ([...text].length > MAX_TEXT) {
    return complaintsErrors.error('COMPLAINTS_ERR_TEXT_TOO_LONG', {
      field: 'text',
      en: `text: at most ${MAX_TEXT} characters`,
      zh: `内容最多 ${MAX_TEXT} 个字`,
    });
  }
  if ((input.photos?.length ?? 0) > MAX_PHOTOS) {
    return complaintsErrors.error('COMPLAINTS_ERR_TOO_MANY_PHOTOS', {
      field: 'photos',
      en: `photos: at most ${MAX_PHOTOS}`,
      zh: `照片最多 ${MAX_PHOTOS} 张`,
    });
  }
  return null;
}

/** The photo's type by its magic bytes (never by the declared content type), if it is one accepted. */
export function photoType(bytes: Uint8Array): PhotoType | null {
  const type = sniffImageType(bytes);
  return type && (PHOTO_TYPES as readonly string[]).includes(type) ? (type as PhotoType) : null;
}
