/**
 * The one upload sniffer: a file's type by its magic bytes, never by its name or declared content type.
 * Dependency-free (`@cunmen/pii/sniff`), so browser code and every server route share it without
 * pulling in the spreadsheet readers.
 */

export type SniffedType =
  | 'image/jpeg'
  | 'image/png'
  | 'image/webp'
  | 'image/gif'
  | 'application/pdf'
  | 'application/zip';

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) =>
  bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

const SIGNATURES: ReadonlyArray<readonly [SniffedType, (b: Uint8Array) => boolean]> = [
  ['image/jpeg', (b) => startsWith(b, [0xff, 0xd8, 0xff])],
  ['image/png', (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
  ['image/webp', (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8)],
  ['image/gif', (b) => startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a'))],
  ['application/pdf', (b) => startsWith(b, ascii('%PDF-'))],
  // XLSX, DOCX and every other OOXML file are ZIP archives.
  ['application/zip', (b) => startsWith(b, [0x50, 0x4b, 0x03, 0x04])],
];

/** The type the bytes say they are, or null when none of the accepted signatures match. */
export function sniffFileType(bytes: Uint8Array): SniffedType | null {
  for (const [type, matches] of SIGNATURES) if (matches(bytes)) return type;
  return null;
}

/** One of the image types, or null (a PDF or ZIP is not an image). */
export function sniffImageType(bytes: Uint8Array): Extract<SniffedType, `image/${string}`> | null {
  const type = sniffFileType(bytes);
  return type?.startsWith('image/') ? (type as Extract<SniffedType, `image/${string}`>) : null;
}

/**
 * True for text a CSV reader can decode: UTF-16 with its byte-order mark, or bytes with no NUL
 * (UTF-8 or GB18030).
 */
export function looksLikeText(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]) || !bytes.includes(0);
}
