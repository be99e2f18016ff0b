import { describe, expect, it } from 'vitest';
import { looksLikeText, sniffFileType, sniffImageType } from './sniff.js';

const bytes = (...parts: Array<string | number[]>) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('sniffFileType', () => {
  it.each([
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'), 'image/jpeg'],
    ['PNG', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'image/png'],
    ['WebP', bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '), 'image/webp'],
    ['GIF 89a', bytes('GIF89a', [1, 0]), 'image/gif'],
    ['GIF 87a', bytes('GIF87a', [1, 0]), 'image/gif'],
    ['PDF', bytes('%PDF-1.7\n'), 'application/pdf'],
    ['XLSX (ZIP)', bytes([0x50, 0x4b, 0x03, 0x04, 0x14]), 'application/zip'],
    ['plain text', bytes('name,phone\n'), null],
    ['a truncated PNG', bytes([0x89], 'PNG'), null],
    ['RIFF that is not WebP', bytes('RIFF', [1, 2, 3, 4], 'WAVEfmt '), null],
    ['nothing', bytes(), null],
  ])('%s', (_name, input, expected) => {
    expect(sniffFileType(input)).toBe(expected);
  });

  it('sniffImageType answers only for images', () => {
    expect(sniffImageType(bytes([0xff, 0xd8, 0xff]))).toBe('image/jpeg');
    expect(sniffImageType(bytes('%PDF-1.4'))).toBeNull();
  });

  it('looksLikeText accepts UTF-16 with a BOM and NUL-free bytes only', () => {
    expect(looksLikeText(bytes([0xff, 0xfe, 0x41, 0]))).toBe(true);
    expect(looksLikeText(bytes('姓名'))).toBe(true);
    expect(looksLikeText(bytes('a', [0], 'b'))).toBe(false);
  });
});
