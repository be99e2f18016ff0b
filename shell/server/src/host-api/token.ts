/**
 * Widget credentials: `cmw1.<claims>.<mac>`, the claims base64url JSON, the MAC an HMAC-SHA256 with the
 * shell's credential key (kept in the database, created on first use). Stateless, so several shell
 * instances sharing the database accept each other's credentials. A credential is bound to one village,
 * one widget version, its GRANTED capabilities and the signed-in user (or nobody), and lives 15 minutes.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { type Capability, isCapability } from '@cunmen/manifest';

export const TOKEN_PREFIX = 'cmw1';
export const TOKEN_TTL_MS = 15 * 60_000;

export interface WidgetClaims {
  village: string;
  widget: string;
  version: string;
  capabilities: Capability[];
  /** The signed-in user's id, or null for an anonymous resident. */
  user: number | null;
  /** Issued and expiry times, ms since the epoch. */
  iat: number;
  exp: number;
  jti: string;
}

function mac(key: Buffer, text: string): Buffer {
  return createHmac('sha256', key).update(text, 'utf8').digest();
}

export function mintToken(key: Buffer, claims: Omit<WidgetClaims, 'jti'>): string {
  const payload = Buffer.from(
    JSON.stringify({ ...claims, jti: randomBytes(9).toString('base64url') }),
    'utf8',
  ).toString('base64url');
  const head = `${TOKEN_PREFIX}.${payload}`;
  return `${head}.${mac(key, head).toString('base64url')}`;
}

export type TokenCheck = { ok: true; claims: WidgetClaims } | { ok: false; reason: 'invalid' | 'expired' };

/** A MAC with the credential key over `text` in its own domain (tickets never pass for credentials). */
export function keyedMac(key: Buffer, domain: string, text: string): Buffer {
  return mac(key, `${domain}\n${text}`);
}

function isClaims(value: unknown): value is WidgetClaims {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  return (
    typeof c.village === 'string' &&
    typeof c.widget === 'string' &&
    typeof c.version === 'string' &&
    Array.isArray(c.capabilities) &&
    c.capabilities.every(isCapability) &&
    (c.user === null || (typeof c.user === 'number' && Number.isInteger(c.user))) &&
    typeof c.iat === 'number' &&
    typeof c.exp === 'number' &&
    typeof c.jti === 'string'
  );
}

/**
 * The claims of a credential this shell issued. `graceMs` accepts one that expired at most that long
 * ago: renewing a credential (routes/credentials.ts) takes the one the widget holds, expired or not.
 */
export function verifyToken(key: Buffer, token: string, now = Date.now(), graceMs = 0): TokenCheck {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== TOKEN_PREFIX || token.length > 4096) {
    return { ok: false, reason: 'invalid' };
  }
  const [prefix, payload, signature] = parts as [string, string, string];
  const expected = mac(key, `${prefix}.${payload}`);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'invalid' };
  }
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (!isClaims(claims)) return { ok: false, reason: 'invalid' };
  if (claims.exp + graceMs <= now) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}
