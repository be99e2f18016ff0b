/**
 * A minimal ustar writer for tests. Real tools refuse to make the hostile tarballs a registry must
 * refuse (`../x`, absolute paths, links, devices), so tests write the headers themselves, here, once.
 */
import { gzipSync } from 'node:zlib';

export interface TarEntry {
  path: string;
  /** '0' file (default), '1' hard link, '2' symlink, '3' char device, '5' directory */
  type?: '0' | '1' | '2' | '3' | '5';
  body?: string | Buffer;
  linkpath?: string;
}

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

function header(entry: TarEntry, size: number): Buffer {
  const h = Buffer.alloc(512);
  h.write(entry.path, 0, 100, 'utf8');
  h.write(octal(entry.type === '5' ? 0o755 : 0o644, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  h.write(octal(size, 12), 124, 'ascii');
  // A fixed time, so the same entries always make the same bytes (and the same integrity).
  h.write(octal(1_700_000_000, 12), 136, 'ascii');
  h.write('        ', 148, 'ascii');
  h.write(entry.type ?? '0', 156, 'ascii');
  if (entry.linkpath) h.write(entry.linkpath, 157, 100, 'utf8');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return h;
}

/**
 * A gzip-compressed tarball of `entries` (or of `{ path: body }` files), in order.
 *
 * @example
 * makeTarball({ 'package/package.json': '{"name":"@deqing/x","version":"1.0.0"}' });
 * makeTarball([{ path: 'package/link', type: '2', linkpath: '/etc/passwd' }]);
 */
export function makeTarball(
  entries: readonly TarEntry[] | Readonly<Record<string, string | Buffer>>,
): Buffer {
  const list: readonly TarEntry[] = Array.isArray(entries)
    ? entries
    : Object.entries(entries).map(([path, body]) => ({ path, body }));
  const blocks: Buffer[] = [];
  for (const entry of list) {
    const body = Buffer.from(entry.body ?? '');
    const size = entry.type === undefined || entry.type === '0' ? body.length : 0;
    blocks.push(header(entry, size));
    if (size > 0) blocks.push(body, Buffer.alloc((512 - (size % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}
