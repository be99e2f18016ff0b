/** The checks of a resident's submission, shared by the form (before sending) and the server. */
import { CATEGORIES, isCategory, MAX_PHOTOS, MAX_TEXT } from './model.js';

export interface InputIssue {
  code: string;
  field: string;
  en: string;
  zh: string;
}

export function checkSubmission(input: {
  category: unknown;
  text: unknown;
  photos?: readonly unknown[];
}): InputIssue | null {
  if (!isCategory(input.category)) {
    return {
      code: 'COMPLAINTS_ERR_CATEGORY',
      field: 'category',
      en: `category: expected one of ${Object.keys(CATEGORIES).join(', ')}`,
      zh: '请选择反映的事项类别',
    };
  }
  const text = typeof input.text === 'string' ? input.text.trim() : '';
  if (text.length === 0) {
    return {
      code: 'COMPLAINTS_ERR_TEXT_REQUIRED',
      field: 'text',
      en: 'text: describe the matter',
      zh: '请写下您要反映的事情',
    };
  }
  if ([...text].length > MAX_TEXT) {
    return {
      code: 'COMPLAINTS_ERR_TEXT_TOO_LONG',
      field: 'text',
      en: `text: at most ${MAX_TEXT} characters`,
      zh: `内容最多 ${MAX_TEXT} 个字`,
    };
  }
  if ((input.photos?.length ?? 0) > MAX_PHOTOS) {
    return {
      code: 'COMPLAINTS_ERR_TOO_MANY_PHOTOS',
      field: 'photos',
      en: `photos: at most ${MAX_PHOTOS}`,
      zh: `照片最多 ${MAX_PHOTOS} 张`,
    };
  }
  return null;
}

export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp';

/** The image type by its magic bytes (never by the declared content type). */
export function sniffImage(bytes: Uint8Array): ImageType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'image/png';
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  return null;
}
