/**
 * Passwords: scrypt with a random salt, compared in constant time; unknown users cost the same.
 *
 * A hash carries its own cost: `scrypt$N$r$p$salt$key` (base64 salt and key), so the cost can be raised
 * without locking anyone out. The cost is one of OWASP's equivalent scrypt settings (N=2^15, r=8, p=3:
 * 32 MiB per hash, three times the work of Node's default), chosen over N=2^17 so that ten sign-ins at
 * once stay within a small server's memory. Hashes written before (`scrypt$salt$key`, Node's default
 * N=2^14, r=8, p=1) still verify, and `needsRehash` tells the sign-in to store a new one.
 */
import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

export const PASSWORD_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 3 };
/** What hashes without parameters were made with (Node's default). */
const LEGACY_COST: ScryptCost = { N: 2 ** 14, r: 8, p: 1 };
/** A stored hash asking for more than this is refused rather than computed (it could exhaust memory). */
const MAX_N = 2 ** 20;
const KEY_BYTES = 32;

function scryptAsync(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  // Node refuses anything needing more than 32 MiB unless told; allow what the cost needs.
  const options: ScryptOptions = { ...cost, maxmem: 128 * cost.N * cost.r * 2 + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(password, salt, KEY_BYTES, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

interface ParsedHash {
  cost: ScryptCost;
  salt: Buffer;
  key: Buffer;
}

function parseHash(stored: string): ParsedHash | null {
  const parts = stored.split('$');
  if (parts[0] !== 'scrypt') return null;
  if (parts.length === 3) {
    return {
      cost: LEGACY_COST,
      salt: Buffer.from(parts[1] ?? '', 'base64'),
      key: Buffer.from(parts[2] ?? '', 'base64'),
    };
  }
  if (parts.length !== 6) return null;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const valid = (n: number) => Number.isSafeInteger(n) && n >= 1;
  if (!valid(N) || !valid(r) || !valid(p) || N > MAX_N || (N & (N - 1)) !== 0 || r > 32 || p > 16)
    return null;
  return {
    cost: { N, r, p },
    salt: Buffer.from(parts[4] ?? '', 'base64'),
    key: Buffer.from(parts[5] ?? '', 'base64'),
  };
}

function format(cost: ScryptCost, salt: Buffer, key: Buffer): string {
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

const DUMMY = format(PASSWORD_COST, Buffer.alloc(16), Buffer.alloc(KEY_BYTES));

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return format(PASSWORD_COST, salt, await scryptAsync(password, salt, PASSWORD_COST));
}

export async function checkPassword(password: string, stored: string | null): Promise<boolean> {
  const parsed = parseHash(stored ?? DUMMY);
  if (!parsed) return false;
  const actual = await scryptAsync(password, parsed.salt, parsed.cost);
  return stored !== null && parsed.key.length === actual.length && timingSafeEqual(parsed.key, actual);
}

/** Whether a hash that just verified was made with less than today's cost (store a new one then). */
export function needsRehash(stored: string): boolean {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const { N, r, p } = parsed.cost;
  return N * r * p < PASSWORD_COST.N * PASSWORD_COST.r * PASSWORD_COST.p || N < PASSWORD_COST.N;
}

export function passwordProblem(password: string): string | null {
  if (password.length < 12) return 'a password needs at least 12 characters';
  if (password.length > 200) return 'a password can have at most 200 characters';
  return null;
}
