import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { digestOf, expectedDigest } from './integrity.js';

const bytes = Buffer.from('a tarball');
const sha512 = `sha512-${createHash('sha512').update(bytes).digest('base64')}`;
const sha1hex = createHash('sha1').update(bytes).digest('hex');

describe('expectedDigest', () => {
  it('takes sha512 from dist.integrity, also among other hashes and with options', () => {
    expect(expectedDigest({ integrity: sha512, shasum: sha1hex })).toEqual({
      algorithm: 'sha512',
      sri: sha512,
    });
    expect(expectedDigest({ integrity: `sha1-xyz= ${sha512}?opt` })?.sri).toBe(sha512);
  });

  it('falls back to the sha1 shasum of packages older than integrity', () => {
    const expected = expectedDigest({ shasum: sha1hex });
    expect(expected?.algorithm).toBe('sha1');
    expect(expected?.sri).toBe(digestOf(bytes, 'sha1'));
  });

  it.each([[{}], [{ integrity: 'sha256-abc', shasum: 'not-hex' }], [{ integrity: 42 }]])(
    'gives nothing to check for %j',
    (dist) => {
      expect(expectedDigest(dist)).toBeNull();
    },
  );
});

describe('digestOf', () => {
  it('is the SRI npm writes', () => {
    expect(digestOf(bytes, 'sha512')).toBe(sha512);
  });
});
