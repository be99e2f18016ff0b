/**
 * Reads an npm tarball (gzip tar) in memory without extracting it: checks every entry is a plain file
 * or directory with a safe relative path, enforces file-count and unpacked-size limits, and returns
 * the few files the registry reads (package.json, dist/cunmen.json).
 */
import { createHash } from 'node:crypto';
import { Parser, type ReadEntry } from 'tar';
import { regError } from '../errors.js';

export interface TarballLimits {
  maxEntries: number;
  maxUnpackedBytes: number;
  /** Largest file the registry will read into memory. */
  maxReadBytes: number;
  /** Largest unpacked-to-compressed ratio: a zip bomb unpacks to far more than any real package. */
  maxCompressionRatio: number;
}

export const DEFAULT_TARBALL_LIMITS: TarballLimits = {
  maxEntries: 5000,
  maxUnpackedBytes: 200 * 1024 * 1024,
  maxReadBytes: 4 * 1024 * 1024,
  maxCompressionRatio: 100,
};

export interface TarballFile {
  path: string;
  size: number;
  /** `sha384-<base64>` of the file's bytes, the SRI form the built manifest uses. */
  integrity: string;
}

export interface TarballContents {
  files: TarballFile[];
  unpackedSize: number;
  /** Contents of the requested files found in the tarball, by their path inside it. */
  read: Map<string, Buffer>;
}

const ALLOWED_TYPES = new Set(['File', 'OldFile', 'ContiguousFile', 'Directory']);

/** Why a tar path is unsafe, or null when it is a plain relative path. */
export function unsafePathReason(path: string): string | null {
  if (path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:/.test(path)) return 'is an absolute path';
  if (path.split(/[\\/]/).includes('..')) return 'contains ".."';
  if (path.includes('\0')) return 'contains a NUL byte';
  return null;
}

export async function inspectTarball(
  tarball: Buffer,
  wanted: readonly string[] | ((path: string) => boolean),
  limits: TarballLimits = DEFAULT_TARBALL_LIMITS,
): Promise<TarballContents> {
  if (tarball.length < 2 || tarball[0] !== 0x1f || tarball[1] !== 0x8b) {
    throw regError('REG_ERR_BAD_TARBALL', 'the attachment is not a gzip-compressed tarball');
  }
  const isWanted = typeof wanted === 'function' ? wanted : (path: string) => wanted.includes(path);
  // Small tarballs compress tiny files well; the ratio only applies past 1 MB unpacked.
  const ratioLimit = Math.max(1024 * 1024, tarball.length * limits.maxCompressionRatio);
  const files: TarballFile[] = [];
  const read = new Map<string, Buffer>();
  let unpackedSize = 0;
  let failure: Error | null = null;

  await new Promise<void>((resolve, reject) => {
    const parser = new Parser({ strict: true });
    const fail = (err: Error) => {
      failure ??= err;
      parser.abort(err);
    };
    parser.on('entry', (entry: ReadEntry) => {
      if (failure) {
        entry.resume();
        return;
      }
      const path = entry.path;
      const reason = unsafePathReason(path);
      if (reason) {
        fail(regError('REG_ERR_UNSAFE_TARBALL', `tarball entry "${path}" ${reason}`));
      } else if (!ALLOWED_TYPES.has(entry.type)) {
        fail(
          regError(
            'REG_ERR_UNSAFE_TARBALL',
            `tarball entry "${path}" is a ${entry.type}; only plain files and directories are allowed`,
          ),
        );
      } else if (files.length + 1 > limits.maxEntries) {
        fail(regError('REG_ERR_UNSAFE_TARBALL', `tarball has more than ${limits.maxEntries} entries`));
      } else if (unpackedSize + (entry.size ?? 0) > limits.maxUnpackedBytes) {
        fail(
          regError('REG_ERR_UNSAFE_TARBALL', `tarball unpacks to more than ${limits.maxUnpackedBytes} bytes`),
        );
      } else if (unpackedSize + (entry.size ?? 0) > ratioLimit) {
        fail(
          regError(
            'REG_ERR_UNSAFE_TARBALL',
            `tarball unpacks to more than ${limits.maxCompressionRatio} times its compressed size of ${tarball.length} bytes`,
          ),
        );
      }
      if (failure) {
        entry.resume();
        return;
      }
      const size = entry.size ?? 0;
      unpackedSize += size;
      if (entry.type === 'Directory') {
        entry.resume();
        return;
      }
      const file: TarballFile = { path, size, integrity: '' };
      files.push(file);
      const hash = createHash('sha384');
      const keep = isWanted(path) && size <= limits.maxReadBytes;
      const chunks: Buffer[] = [];
      entry.on('data', (c: Buffer) => {
        hash.update(c);
        if (keep) chunks.push(c);
      });
      entry.on('end', () => {
        file.integrity = `sha384-${hash.digest('base64')}`;
        if (keep) read.set(path, Buffer.concat(chunks));
      });
    });
    // An abort or a strict-mode error ends parsing without 'end'/'close'.
    parser.on('error', (err: Error) => {
      failure ??= err;
      resolve();
    });
    parser.on('abort', (err: Error) => {
      failure ??= err;
      resolve();
    });
    parser.on('close', () => resolve());
    parser.on('end', () => resolve());
    try {
      parser.end(tarball);
    } catch (err) {
      reject(err);
    }
  });

  if (failure) {
    const err: Error = failure;
    if ('code' in err && typeof err.code === 'string' && err.code.startsWith('REG_ERR_')) throw err;
    throw regError('REG_ERR_BAD_TARBALL', `the attachment is not a readable tarball: ${err.message}`);
  }
  if (files.length === 0) throw regError('REG_ERR_BAD_TARBALL', 'the tarball contains no files');
  return { files, unpackedSize, read };
}
