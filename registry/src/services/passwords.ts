/** Passwords for `npm login`: scrypt with a random salt, compared in constant time. */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, 32);
  return `scrypt$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function checkPassword(password: string, stored: string | null): Promise<boolean> {
  // A user without a password is compared against a dummy, so timing does not tell which users exist.
  const [scheme, saltB64, keyB64] = (stored ?? 'scrypt$AAAAAAAAAAAAAAAAAAAAAA==$').split('$');
  if (scheme !== 'scrypt' || saltB64 === undefined || keyB64 === undefined) return false;
  const expected = Buffer.from(keyB64, 'base64');
  const key = await scryptAsync(password, Buffer.from(saltB64, 'base64'), 32);
  return stored !== null && expected.length === key.length && timingSafeEqual(expected, key);
}

export function checkPasswordStrength(password: string): string | null {
  if (password.length < 12) return 'a password needs at least 12 characters';
  if (password.length > 200) return 'a password can have at most 200 characters';
  return null;
}
