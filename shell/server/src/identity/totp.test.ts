import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, otpauthUri, stepAt, totpCode, verifyTotp } from './totp.js';

// RFC 6238 appendix B, SHA1 seed "12345678901234567890".
const SEED = Buffer.from('12345678901234567890');

describe('TOTP', () => {
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
  ])('matches the RFC 6238 vector at %i s', (seconds, code) => {
    expect(hotp(SEED, stepAt(seconds * 1000), 8)).toBe(code);
  });

  it('round-trips base32', () => {
    expect(base32Decode(base32Encode(SEED)).equals(SEED)).toBe(true);
    expect(base32Encode(SEED)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  });

  it('accepts the neighbouring steps, never a step already used', () => {
    const secret = base32Encode(SEED);
    const now = 1_700_000_000_000;
    const code = totpCode(secret, now);
    expect(verifyTotp(secret, code, null, now)).toBe(stepAt(now));
    expect(verifyTotp(secret, code, null, now + 30_000)).toBe(stepAt(now));
    expect(verifyTotp(secret, code, null, now + 90_000)).toBeNull();
    expect(verifyTotp(secret, code, stepAt(now), now)).toBeNull();
    expect(verifyTotp(secret, '12345', null, now)).toBeNull();
  });

  it('writes the otpauth URI authenticator apps read', () => {
    expect(otpauthUri('村门', 'dq', 'ABC')).toBe(
      'otpauth://totp/%E6%9D%91%E9%97%A8%3Adq?secret=ABC&issuer=%E6%9D%91%E9%97%A8&algorithm=SHA1&digits=6&period=30',
    );
  });
});
