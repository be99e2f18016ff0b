/**
 * Reads an npm publish body as it streams in, into a {@link PublishUpload}. The tarball travels
 * base64-encoded inside the JSON, at `_attachments.<file>.data`; this reader follows the JSON structure
 * byte by byte, decodes that string and feeds its bytes to sha512 and sha1 while the upload is still
 * arriving, so the document itself is parsed without ever holding the base64 text (a third larger than
 * the tarball) in memory. Everything else is kept and parsed with JSON.parse at the end, with each
 * attachment's data replaced by "".
 */
import { createHash, type Hash } from 'node:crypto';
import { regError } from '../../errors.js';

/** One tarball of a publish body, decoded and hashed while it arrived. */
export interface UploadedTarball {
  bytes: Buffer;
  /** `sha512-<base64>`, the form of `dist.integrity` */
  integrity: string;
  /** hex sha1, the form of `dist.shasum` */
  shasum: string;
}

/** A write request to a package as read off the wire. */
export interface PublishUpload {
  /** The JSON document, each `_attachments.<file>.data` replaced by "". */
  document: Record<string, unknown>;
  /** The decoded attachments, by attachment name (`@deqing/x-1.0.0.tgz`). */
  tarballs: ReadonlyMap<string, UploadedTarball>;
}

/** Reads a whole body held in memory (what the route's stream reader does chunk by chunk). */
export function readPublishUpload(body: Buffer | string, limit = Number.POSITIVE_INFINITY): PublishUpload {
  const reader = new PublishBodyReader(limit);
  reader.write(Buffer.from(body));
  return reader.end();
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const BASE64 = /^[A-Za-z0-9+/]*$/;

interface Frame {
  kind: 'object' | 'array';
  expectKey: boolean;
  key: string | null;
}

class AttachmentDecoder {
  private readonly sha512: Hash = createHash('sha512');
  private readonly sha1: Hash = createHash('sha1');
  private readonly chunks: Buffer[] = [];
  private carry = '';
  private padding = 0;

  write(text: string): void {
    if (this.padding > 0) {
      // Only more padding may follow padding, and at most two "=" in all.
      if (!/^=*$/.test(text) || this.padding + text.length > 2) this.fail();
      this.padding += text.length;
      return;
    }
    let s = this.carry + text;
    const pad = s.indexOf('=');
    if (pad >= 0) {
      const tail = s.slice(pad);
      if (!/^={1,2}$/.test(tail)) this.fail();
      this.padding = tail.length;
      s = s.slice(0, pad);
    }
    if (!BASE64.test(s)) this.fail();
    const whole = pad >= 0 ? s.length : s.length - (s.length % 4);
    if (whole > 0) this.emit(Buffer.from(s.slice(0, whole), 'base64'));
    this.carry = s.slice(whole);
  }

  end(): UploadedTarball {
    if (this.carry.length === 1) this.fail();
    if (this.carry.length > 0) this.emit(Buffer.from(this.carry, 'base64'));
    this.carry = '';
    return {
      bytes: Buffer.concat(this.chunks),
      integrity: `sha512-${this.sha512.digest('base64')}`,
      shasum: this.sha1.digest('hex'),
    };
  }

  private emit(bytes: Buffer): void {
    this.sha512.update(bytes);
    this.sha1.update(bytes);
    this.chunks.push(bytes);
  }

  private fail(): never {
    throw regError('REG_ERR_BAD_PUBLISH', 'the attachment data is not base64');
  }
}

/** Incremental reader; call `write` per chunk, then `end`. */
export class PublishBodyReader {
  private readonly stack: Frame[] = [];
  private readonly kept: Buffer[] = [];
  private readonly attachments = new Map<string, UploadedTarball>();
  private inString = false;
  private escaped = false;
  /** Raw bytes of the key being read, when the current string is an object key. */
  private keyBytes: Buffer[] | null = null;
  private decoder: AttachmentDecoder | null = null;
  private decoderName = '';
  private size = 0;

  constructor(private readonly limit: number) {}

  write(chunk: Buffer): void {
    this.size += chunk.length;
    if (this.size > this.limit) {
      throw regError('REG_ERR_BODY_TOO_LARGE', 'request body is larger than the registry accepts');
    }
    let i = 0;
    let keptFrom = 0;
    while (i < chunk.length) {
      if (this.decoder) {
        // Inside the attachment: jump to the closing quote; base64 never needs an escape but "\/".
        if (this.escaped) {
          this.escaped = false;
          if (chunk[i] !== 0x2f) this.decoder.write('!');
          this.decoder.write('/');
          i += 1;
          keptFrom = i;
          continue;
        }
        const quote = chunk.indexOf(QUOTE, i);
        const slash = chunk.indexOf(BACKSLASH, i);
        const stop = quote < 0 ? chunk.length : quote;
        if (slash >= 0 && slash < stop) {
          this.decoder.write(chunk.toString('latin1', i, slash));
          if (slash + 1 >= chunk.length) {
            // An escape split across chunks: only "\/" is possible in base64.
            this.escaped = true;
            i = chunk.length;
            keptFrom = i;
            break;
          }
          if (chunk[slash + 1] !== 0x2f) this.decoder.write('!');
          this.decoder.write('/');
          i = slash + 2;
          keptFrom = i;
          continue;
        }
        this.decoder.write(chunk.toString('latin1', i, stop));
        if (quote < 0) {
          i = chunk.length;
          keptFrom = i;
          break;
        }
        this.attachments.set(this.decoderName, this.decoder.end());
        this.decoder = null;
        this.inString = false;
        keptFrom = quote; // keep the closing quote: the document reads `"data":""`
        i = quote + 1;
        continue;
      }
      const c = chunk[i] as number;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === BACKSLASH) this.escaped = true;
        else if (c === QUOTE) {
          this.inString = false;
          if (this.keyBytes) {
            this.keyBytes.push(chunk.subarray(this.keyFrom, i));
            this.finishKey();
          }
        }
        i += 1;
        continue;
      }
      const top = this.stack.at(-1);
      if (c === QUOTE) {
        this.inString = true;
        if (top?.kind === 'object' && top.expectKey) {
          this.keyBytes = [];
          this.keyFrom = i + 1;
        } else if (this.isAttachmentData()) {
          this.kept.push(chunk.subarray(keptFrom, i + 1));
          this.decoder = new AttachmentDecoder();
          this.decoderName = this.stack[1]?.key ?? '';
          keptFrom = i + 1;
        }
      } else if (c === 0x7b) this.stack.push({ kind: 'object', expectKey: true, key: null });
      else if (c === 0x5b) this.stack.push({ kind: 'array', expectKey: false, key: null });
      else if (c === 0x7d || c === 0x5d) this.stack.pop();
      else if (c === 0x3a && top?.kind === 'object') top.expectKey = false;
      else if (c === 0x2c && top?.kind === 'object') top.expectKey = true;
      i += 1;
    }
    // A key still open at the end of the chunk continues at the start of the next one.
    if (this.keyBytes) {
      this.keyBytes.push(chunk.subarray(this.keyFrom));
      this.keyFrom = 0;
    }
    if (keptFrom < chunk.length) this.kept.push(chunk.subarray(keptFrom));
  }

  /** Where the open key's bytes start in the current chunk. */
  private keyFrom = 0;

  private finishKey(): void {
    const raw = Buffer.concat(this.keyBytes ?? []).toString('utf8');
    this.keyBytes = null;
    const top = this.stack.at(-1);
    if (!top) return;
    try {
      top.key = JSON.parse(`"${raw}"`) as string;
    } catch {
      top.key = raw;
    }
  }

  /** Is the string that starts here the value at `_attachments.<name>.data` of the top-level object? */
  private isAttachmentData(): boolean {
    const s = this.stack;
    return (
      s.length === 3 &&
      s[0]?.kind === 'object' &&
      s[0].key === '_attachments' &&
      s[1]?.kind === 'object' &&
      s[2]?.kind === 'object' &&
      s[2].key === 'data' &&
      !s[2].expectKey
    );
  }

  end(): PublishUpload {
    if (this.decoder || this.inString || this.stack.length > 0) {
      throw regError('REG_ERR_BAD_REQUEST', 'the request body ends in the middle of its JSON');
    }
    let doc: unknown;
    try {
      doc = JSON.parse(Buffer.concat(this.kept).toString('utf8'));
    } catch (err) {
      throw regError('REG_ERR_BAD_REQUEST', `the request body is not valid JSON: ${(err as Error).message}`);
    }
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
      throw regError('REG_ERR_BAD_REQUEST', 'the request body must be a JSON object');
    }
    return { document: doc as Record<string, unknown>, tarballs: this.attachments };
  }
}
