/**
 * Attachments: the kind comes from the file name, the bytes must agree (magic numbers), and each kind
 * has a size limit. XLSX and CSV lists are parsed and masked by @cunmen/pii; images and PDFs cannot be
 * machine-checked, so the uploader must confirm they hold no personal data.
 */
import { type AttachmentKind, LIMITS } from '../common/index.js';
import { fail } from './access.js';

const EXT: Record<string, { kind: AttachmentKind; mime: string }> = {
  jpg: { kind: 'image', mime: 'image/jpeg' },
  jpeg: { kind: 'image', mime: 'image/jpeg' },
  png: { kind: 'image', mime: 'image/png' },
  pdf: { kind: 'pdf', mime: 'application/pdf' },
  xlsx: { kind: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  csv: { kind: 'csv', mime: 'text/csv; charset=utf-8' },
};

const starts = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

function sniff(bytes: Uint8Array, mime: string, kind: AttachmentKind): boolean {
  switch (kind) {
    case 'image':
      return mime === 'image/png'
        ? starts(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
        : starts(bytes, [0xff, 0xd8, 0xff]);
    case 'pdf':
      return starts(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d]);
    case 'xlsx':
      return starts(bytes, [0x50, 0x4b, 0x03, 0x04]);
    case 'csv':
      // Text: UTF-16 with its BOM, or bytes without NUL (UTF-8 or GB18030, which @cunmen/pii decodes).
      return starts(bytes, [0xff, 0xfe]) || starts(bytes, [0xfe, 0xff]) || !bytes.includes(0);
  }
}

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
  if (!filename || !type) throw fail('AFFAIRS_ERR_FILE_TYPE', 'x-filename');
  const bytes = Buffer.isBuffer(body) ? body : typeof body === 'string' ? Buffer.from(body, 'utf8') : null;
  if (!bytes || bytes.length === 0) throw fail('AFFAIRS_ERR_FILE_EMPTY', 'file');
  if (bytes.length > LIMITS.file[type.kind]) throw fail('AFFAIRS_ERR_FILE_TOO_LARGE', 'file');
  if (!sniff(bytes, type.mime, type.kind)) throw fail('AFFAIRS_ERR_FILE_CONTENT', 'file');
  return { filename, kind: type.kind, mime: type.mime, bytes };
}

/** The largest request body an upload route accepts (the largest kind limit plus headroom). */
export const UPLOAD_BODY_LIMIT = Math.max(...Object.values(LIMITS.file)) + 64 * 1024;
