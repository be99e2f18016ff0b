/** Every file of a build with its SRI hash and sizes; the registry recomputes the same figures. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Asset } from '@cunmen/manifest';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export function sri(bytes: Buffer): string {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return walk(full);
    return entry.isFile() ? [full] : [];
  });
}

/** Lists the assets of `dir` (sorted by path), skipping files named in `exclude`. */
export function describeAssets(dir: string, exclude: readonly string[] = []): Asset[] {
  return walk(dir)
    .map((file) => relative(dir, file).split(sep).join('/'))
    .filter((path) => !exclude.includes(path))
    .sort()
    .map((path) => {
      const bytes = readFileSync(join(dir, path));
      return {
        path,
        size: bytes.length,
        gzip: gzipSync(bytes, { level: 9 }).length,
        integrity: sri(bytes),
        contentType: contentTypeOf(path),
      };
    });
}
