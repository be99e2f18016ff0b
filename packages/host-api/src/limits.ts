/**
 * The host API's fixed limits: what the SDK checks before sending, what the MockHost enforces and what
 * the shell server refuses. (Quotas and rate limits are the server's policy and live there.)
 */

/** Documents a list page holds when the caller names no `limit`. */
export const DEFAULT_PAGE_LIMIT = 20;
export const MAX_PAGE_LIMIT = 100;
/** The longest `cursor` a list accepts (the server's cursors are far shorter). */
export const MAX_CURSOR_LENGTH = 512;

/** One document's JSON, and one form submission's (`SHELL_ERR_DOC_TOO_LARGE` above it). */
export const MAX_DOC_BYTES = 64 * 1024;
/** A JSON request body as a whole (`SHELL_ERR_BODY_TOO_LARGE` above it). */
export const MAX_JSON_BODY_BYTES = 256 * 1024;
/** One uploaded photo (`SHELL_ERR_BODY_TOO_LARGE` above it). */
export const MAX_MEDIA_BYTES = 5 * 1024 * 1024;
/** The image types `media.upload` takes; the server also checks the bytes are one. */
export const MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

export const MAX_FILENAME_LENGTH = 255;

export const MAX_POINTS_ITEM_LENGTH = 100;
export const MAX_POINTS_QUANTITY = 10_000;
export const MAX_POINTS_NOTE_LENGTH = 500;
export const MAX_POINTS_EVIDENCE = 9;

/** The longest module route path `api.module` sends. */
export const MAX_MODULE_PATH_LENGTH = 2000;

/** The media type of a `content-type` value without its parameters, lower case (`''` when absent). */
export function mediaTypeOf(contentType: string | null | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** True for one of {@link MEDIA_TYPES}. */
export function isMediaType(type: string): type is MediaType {
  return (MEDIA_TYPES as readonly string[]).includes(type);
}

/** UTF-8 length of a string, as the server counts a JSON body (no Buffer: this runs in browsers too). */
export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}
