/**
 * Browser assets compressed once per content hash (issue #16): a widget's `remoteEntry.js` is fetched by
 * every resident's phone, often over a weak rural network, and is a third of its size compressed. An
 * asset's bytes never change under its hash, so each encoding is computed once (concurrent first
 * requests share the work), kept in memory with least-recently-used eviction, and never invalidated.
 * Compression runs on libuv's thread pool, not the event loop.
 */
import type { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

export type Encoding = 'br' | 'gzip';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Types worth compressing: text (scripts, styles, JSON, source maps) and SVG; images and fonts are already. */
export function isCompressible(contentType: string): boolean {
  return /^(text\/|application\/json|image\/svg\+xml)/.test(contentType);
}

/** The encoding to answer with: brotli when the client takes it, else gzip, else none (q=0 refuses). */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | null {
  const accepted = new Set<string>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name && (q === undefined || Number(q) > 0)) accepted.add(name);
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return null;
}

async function compress(bytes: Buffer, encoding: Encoding): Promise<Buffer> {
  if (encoding === 'gzip') return gzipAsync(bytes, { level: 9 });
  return brotli(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
}

/** What is kept: the compressed bytes, or `identity` when compressing did not make the asset smaller. */
type Kept = Buffer | 'identity';

export class CompressedAssets {
  private readonly entries = new Map<string, Kept>();
  private readonly inFlight = new Map<string, Promise<Kept>>();
  private bytes = 0;

  constructor(
    /** Larger assets are sent as they are (compressing them would hold too much memory). */
    private readonly maxSourceBytes = 4 * 1024 * 1024,
    private readonly maxTotalBytes = 32 * 1024 * 1024,
  ) {}

  /**
   * The asset with hash `sha256` in `encoding`, or null to send it uncompressed. `source` reads the
   * uncompressed bytes, only on the first request of this hash and encoding.
   */
  async get(
    sha256: string,
    size: number,
    encoding: Encoding,
    source: () => Promise<Buffer | Readable | null>,
  ): Promise<Buffer | null> {
    if (size > this.maxSourceBytes) return null;
    const key = `${sha256}:${encoding}`;
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit === 'identity' ? null : hit;
    }
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.produce(key, encoding, source).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    const kept = await pending;
    return kept === 'identity' ? null : kept;
  }

  private async produce(
    key: string,
    encoding: Encoding,
    source: () => Promise<Buffer | Readable | null>,
  ): Promise<Kept> {
    const read = await source();
    if (read === null) return 'identity';
    const bytes = Buffer.isBuffer(read) ? read : await buffer(read);
    const packed = await compress(bytes, encoding);
    const kept: Kept = packed.length < bytes.length ? packed : 'identity';
    this.entries.set(key, kept);
    this.bytes += kept === 'identity' ? 0 : kept.length;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxTotalBytes) break;
      this.entries.delete(k);
      if (v !== 'identity') this.bytes -= v.length;
    }
    return kept;
  }
}
