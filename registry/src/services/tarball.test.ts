import { createHash } from 'node:crypto';
import { makeTarball } from '@cunmen/test-utils';
import { describe, expect, it } from 'vitest';
import { isRegistryError } from '../errors.js';
import { inspectTarball, unsafePathReason } from './tarball.js';

describe('unsafePathReason', () => {
  it.each([
    ['package/index.js', null],
    ['package/a..b/c', null],
    ['/abs', 'is an absolute path'],
    ['C:\\x', 'is an absolute path'],
    ['package/../../x', 'contains ".."'],
    ['package\\..\\x', 'contains ".."'],
  ])('%s → %s', (path, reason) => {
    expect(unsafePathReason(path)).toBe(reason);
  });
});

describe('inspectTarball', () => {
  it('lists files and reads the wanted ones', async () => {
    const tgz = makeTarball([
      { path: 'package/', type: '5' },
      { path: 'package/package.json', body: '{"name":"x"}' },
      { path: 'package/other.js', body: '1' },
    ]);
    const out = await inspectTarball(tgz, ['package/package.json']);
    const sri = (body: string) => `sha384-${createHash('sha384').update(body).digest('base64')}`;
    expect(out.files).toEqual([
      { path: 'package/package.json', size: 12, integrity: sri('{"name":"x"}') },
      { path: 'package/other.js', size: 1, integrity: sri('1') },
    ]);
    expect(out.read.get('package/package.json')?.toString()).toBe('{"name":"x"}');
    expect(out.read.has('package/other.js')).toBe(false);
  });

  it('enforces the entry-count and unpacked-size limits', async () => {
    const tgz = makeTarball([
      { path: 'package/a', body: 'aaaa' },
      { path: 'package/b', body: 'bbbb' },
    ]);
    await expect(
      inspectTarball(tgz, [], {
        maxEntries: 1,
        maxUnpackedBytes: 100,
        maxReadBytes: 10,
        maxCompressionRatio: 100,
      }),
    ).rejects.toThrow('tarball has more than 1 entries');
    await expect(
      inspectTarball(tgz, [], {
        maxEntries: 10,
        maxUnpackedBytes: 6,
        maxReadBytes: 10,
        maxCompressionRatio: 100,
      }),
    ).rejects.toThrow('tarball unpacks to more than 6 bytes');
  });

  it('refuses a tarball that unpacks to far more than its compressed size', async () => {
    const tgz = makeTarball([{ path: 'package/zeros.bin', body: Buffer.alloc(4 * 1024 * 1024) }]);
    await expect(inspectTarball(tgz, [])).rejects.toThrow(
      `tarball unpacks to more than 100 times its compressed size of ${tgz.length} bytes`,
    );
  });

  it('reports gzip that is not a tar as a bad tarball', async () => {
    const { gzipSync } = await import('node:zlib');
    const err = await inspectTarball(gzipSync(Buffer.alloc(2048, 7)), []).catch((e: unknown) => e);
    expect(isRegistryError(err)).toBe(true);
    expect((err as { code: string }).code).toBe('REG_ERR_BAD_TARBALL');
  });
});
