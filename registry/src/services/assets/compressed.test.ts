import { Readable } from 'node:stream';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CompressedAssets, chooseEncoding, isCompressible } from './compressed.js';

const TEXT = Buffer.from('export const tile = () => "找农机";\n'.repeat(200));

describe('chooseEncoding', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip;q=0.5', 'gzip'],
    ['BR', 'br'],
    ['identity', null],
    ['gzip;q=0', null],
    ['', null],
    [undefined, null],
  ] as const)('%s → %s', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });
});

describe('isCompressible', () => {
  it.each([
    ['text/javascript; charset=utf-8', true],
    ['application/json; charset=utf-8', true],
    ['image/svg+xml', true],
    ['image/png', false],
    ['font/woff2', false],
    ['application/octet-stream', false],
  ] as const)('%s → %s', (type, expected) => {
    expect(isCompressible(type)).toBe(expected);
  });
});

describe('CompressedAssets', () => {
  it('compresses each hash and encoding once, concurrent first requests included', async () => {
    const cache = new CompressedAssets();
    let reads = 0;
    const source = async () => {
      reads += 1;
      return TEXT;
    };
    const [a, b] = await Promise.all([
      cache.get('h1', TEXT.length, 'br', source),
      cache.get('h1', TEXT.length, 'br', source),
    ]);
    expect(reads).toBe(1);
    expect(a).toBe(b);
    expect(brotliDecompressSync(a as Buffer).equals(TEXT)).toBe(true);
    expect((a as Buffer).length).toBeLessThan(TEXT.length / 10);
    const gz = await cache.get('h1', TEXT.length, 'gzip', async () => Readable.from([TEXT]));
    expect(gunzipSync(gz as Buffer).equals(TEXT)).toBe(true);
    await cache.get('h1', TEXT.length, 'br', source);
    expect(reads).toBe(1);
  });

  it('answers null (send as is) when compression does not shrink, the source is gone or too large', async () => {
    const cache = new CompressedAssets(1000);
    const random = Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 97 + 13) % 256));
    expect(await cache.get('h2', random.length, 'gzip', async () => random)).toBeNull();
    expect(await cache.get('h3', 10, 'br', async () => null)).toBeNull();
    let read = false;
    const large = await cache.get('h4', 5000, 'br', async () => {
      read = true;
      return Buffer.alloc(5000);
    });
    expect(large).toBeNull();
    expect(read).toBe(false);
  });

  it('evicts the least recently used when over its byte budget', async () => {
    const cache = new CompressedAssets(1024 * 1024, 1);
    let reads = 0;
    const source = async () => {
      reads += 1;
      return TEXT;
    };
    await cache.get('a', TEXT.length, 'br', source);
    await cache.get('b', TEXT.length, 'br', source);
    await cache.get('a', TEXT.length, 'br', source);
    expect(reads).toBe(3);
  });
});
