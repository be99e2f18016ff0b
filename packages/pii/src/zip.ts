/**
 * A minimal reader of ZIP files (an .xlsx is one), for checking an upload before exceljs sees it: that it
 * is a zip with the parts of a workbook, that nothing is encrypted, and that it does not unpack to more
 * than the limit. The sizes a zip declares can lie, so every part is really inflated, with zlib's
 * `maxOutputLength` as the brake.
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

export class ZipFormatError extends Error {
  override name = 'ZipFormatError';
}

export class ZipTooLargeError extends Error {
  override name = 'ZipTooLargeError';
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function u64(dv: DataView, at: number): number {
  const value = dv.getBigUint64(at, true);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError('zip64 value out of range');
  return Number(value);
}

export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.byteLength >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
  );
}

/** The central directory's entries; throws `ZipFormatError` for anything that is not a well-formed zip. */
export function readZipEntries(bytes: Uint8Array): ZipEntry[] {
  try {
    return readEntries(bytes);
  } catch (err) {
    if (err instanceof ZipFormatError) throw err;
    // A DataView read past the end: a truncated or made-up file.
    throw new ZipFormatError('truncated zip');
  }
}

function readEntries(bytes: Uint8Array): ZipEntry[] {
  const dv = view(bytes);
  let eocd = -1;
  for (let p = bytes.byteLength - 22; p >= Math.max(0, bytes.byteLength - 22 - 0xffff); p--) {
    if (dv.getUint32(p, true) === EOCD) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('no end of central directory');
  let count = dv.getUint16(eocd + 10, true);
  let offset = dv.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || dv.getUint32(locator, true) !== ZIP64_LOCATOR) {
      throw new ZipFormatError('no zip64 locator');
    }
    const record = u64(dv, locator + 8);
    if (dv.getUint32(record, true) !== ZIP64_EOCD) throw new ZipFormatError('no zip64 end record');
    count = u64(dv, record + 32);
    offset = u64(dv, record + 48);
  }
  const names = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (dv.getUint32(p, true) !== CENTRAL) throw new ZipFormatError('bad central directory');
    const flags = dv.getUint16(p + 8, true);
    const method = dv.getUint16(p + 10, true);
    let compressedSize = dv.getUint32(p + 20, true);
    let uncompressedSize = dv.getUint32(p + 24, true);
    const nameLength = dv.getUint16(p + 28, true);
    const extraLength = dv.getUint16(p + 30, true);
    const commentLength = dv.getUint16(p + 32, true);
    let localOffset = dv.getUint32(p + 42, true);
    if (p + 46 + nameLength > bytes.byteLength) throw new ZipFormatError('bad central directory');
    const name = names.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    // zip64: the sizes and offset that do not fit 32 bits are in extra field 0x0001, in this order.
    let e = p + 46 + nameLength;
    const extraEnd = e + extraLength;
    while (e + 4 <= extraEnd) {
      const id = dv.getUint16(e, true);
      const size = dv.getUint16(e + 2, true);
      if (id === 0x0001) {
        let q = e + 4;
        if (uncompressedSize === 0xffffffff) {
          uncompressedSize = u64(dv, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(dv, q);
          q += 8;
        }
        if (localOffset === 0xffffffff) localOffset = u64(dv, q);
      }
      e += 4 + size;
    }
    entries.push({ name, method, flags, compressedSize, uncompressedSize, localOffset });
    p = extraEnd + commentLength;
  }
  return entries;
}

/** An entry's bytes, inflated; throws `ZipTooLargeError` past `maxBytes`. */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Uint8Array {
  const dv = view(bytes);
  const p = entry.localOffset;
  if (p + 30 > bytes.byteLength || dv.getUint32(p, true) !== LOCAL) {
    throw new ZipFormatError('bad local header');
  }
  const start = p + 30 + dv.getUint16(p + 26, true) + dv.getUint16(p + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.byteLength) throw new ZipFormatError('truncated entry');
  const data = bytes.subarray(start, end);
  if (entry.method === 0) {
    if (data.byteLength > maxBytes) throw new ZipTooLargeError('entry too large');
    return data;
  }
  if (entry.method !== 8) throw new ZipFormatError('unsupported compression');
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, maxBytes) });
  } catch (err) {
    if ((err as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new ZipTooLargeError('entry too large');
    }
    throw new ZipFormatError('bad deflate data');
  }
}

/**
 * Checks every entry: not encrypted, inflates, and all together no more than `maxUnpackedBytes`.
 * Returns the entry names.
 */
export function checkZip(bytes: Uint8Array, maxUnpackedBytes: number): Set<string> {
  const entries = readZipEntries(bytes);
  let left = maxUnpackedBytes;
  for (const entry of entries) {
    if (entry.flags & 0x1) throw new ZipFormatError('encrypted entry');
    if (entry.name.endsWith('/')) continue;
    const data = readZipEntry(bytes, entry, left);
    if (data.byteLength > left) throw new ZipTooLargeError('unpacked size over the limit');
    left -= data.byteLength;
  }
  return new Set(entries.map((e) => e.name));
}
