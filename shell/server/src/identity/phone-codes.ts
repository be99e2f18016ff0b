/**
 * One-time SMS codes: six random digits, kept only as a salted scrypt hash (a stolen row cannot be
 * turned back into the code within its five minutes: a million guesses cost hours of scrypt), and
 * compared in constant time.
 */
import { randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';

export const CODE_DIGITS = 6;
/** How long a code can be used. */
export const CODE_TTL_MS = 5 * 60_000;
/** Verifications one code allows; then it is spent and a new one must be asked for. */
export const CODE_MAX_ATTEMPTS = 5;

const COST = { N: 2 ** 14, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_BYTES = 32;

function derive(code: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(code, salt, KEY_BYTES, COST, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** Six uniformly random digits, leading zeros kept. */
export function newCode(): string {
  return String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, '0');
}

/** `scrypt$<salt>$<key>` (base64). */
export async function hashCode(code: string): Promise<string> {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('base64')}$${(await derive(code, salt)).toString('base64')}`;
}

/** Whether `code` is the one `stored` was made from; the same work and a constant-time compare either way. */
export async function codeMatches(code: string, stored: string): Promise<boolean> {
  const [scheme, salt, key] = stored.split('$');
  const expected = Buffer.from(key ?? '', 'base64');
  const actual = await derive(code, Buffer.from(salt ?? '', 'base64'));
  const same = expected.length === actual.length && timingSafeEqual(expected, actual);
  return scheme === 'scrypt' && same;
}
