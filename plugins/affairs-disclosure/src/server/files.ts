/**
 * Attachments: the kind comes from the file name, the bytes must agree (magic numbers), and each kind
 * has a size limit. XLSX and CSV lists are parsed and masked by @cunmen/pii; images and PDFs cannot be
 * machine-checked, so the uploader must confirm they hold no personal data.
 */
import { looksLikeText, type SniffedType, sniffFileType } from '@cunmen/pii/sniff';
import { type AttachmentKind, affairsErrors, LIMITS } from '../common/index.js';

/** By extension: the kind, the type it is served with, and what the sniffer must find in the bytes. */
const EXT: Record<string, { kind: AttachmentKind; mime: string; content: SniffedType | 'text' }> = {
  jpg: { kind: 'image', mime: 'image/jpeg', content: 'image/jpeg' },
  jpeg: { kind: 'image', mime: 'image/jpeg', content: 'image/jpeg' },
  png: { kind: 'image', mime: 'image/png', content: 'image/png' },
  pdf: { kind: 'pdf', mime: 'application/pdf', content: 'application/pdf' },
  xlsx: {
    kind: 'xlsx',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    content: 'application/zip',
  },
  // Text: UTF-16 with its BOM, or bytes without NUL (UTF-8 or GB18030, which @cunmen/pii decodes).
  csv: { kind: 'csv', mime: 'text/csv; charset=utf-8', content: 'text' },
};

const contentFits = (bytes: Uint8Array, content: SniffedType | 'text') =>
  content === 'text' ? looksLikeText(bytes) : sniffFileType(bytes) === content;

export interface CheckedFile {
  filename: string;
  kind: AttachmentKind;
  mime: string;
  bytes: Buffer;
}

/** The name from `x-filename` (encodeURIComponent), without any path; throws a coded error otherwise. */
export function checkFile(rawName: unknown, body: unknown): CheckedFile {
  let filename = '';
  if (typeof rawName === 'string') {
    try {
      filename = decodeURIComponent(rawName);
    } catch {
      filename = '';
    }
  }
  filename = filename.split(/[\\/]/).pop()?.trim().slice(-100) ?? '';
  const ext = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase() ?? '';
  const type = EXT[ext];
  if (!filename || !type) throw affairsErrors.error('AFFAIRS_ERR_FILE_TYPE', { field: 'x-filename' });
  const bytes = Buffer.isBuffer(body) ? body : typeof body === 'string' ? Buffer.from(body, 'utf8') : null;
  if (!bytes || bytes.length === 0) throw affairsErrors.error('AFFAIRS_ERR_FILE_EMPTY', { field: 'file' });
  if (bytes.length > LIMITS.file[type.kind])
    throw affairsErrors.error('AFFAIRS_ERR_FILE_TOO_LARGE', { field: 'file' });
  if (!contentFits(bytes, type.content))
    throw affairsErrors.error('AFFAIRS_ERR_FILE_CONTENT', { field: 'file' });
  return { filename, kind: type.kind, mime: type.mime, bytes };
}

/** The largest request body an upload route accepts (the largest kind limit plus headroom). */
export const UPLOAD_BODY_LIMIT = Math.max(...Object.values(LIMITS.file)) + 64 * 1024;
