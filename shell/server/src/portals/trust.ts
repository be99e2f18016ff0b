/**
 * The province key the shell verifies every release with. Pinned from a PEM file (`--province-key`,
 * recommended in production: a compromised registry cannot swap the key) or fetched once from the
 * registry's `/-/cunmen/v1/keys` (trust on first use, fine for development and the demo).
 */
import { createPublicKey, type KeyObject, verify } from 'node:crypto';
import { type SignedRelease, signaturePayload } from '@cunmen/manifest';
import { keyIdOf, rawPublicKey } from '@cunmen/manifest/key-id';
import type { RegistryClient } from './registry-client.js';

export interface TrustedKey {
  keyId: string;
  /** The raw 32-byte Ed25519 key, base64 (what the snapshot carries for the browser). */
  raw: string;
  key: KeyObject;
}

export function describeKey(pem: string): TrustedKey {
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('the province key must be an Ed25519 public key');
  const raw = rawPublicKey(key);
  return { key, raw: raw.toString('base64'), keyId: keyIdOf(raw) };
}

export interface KeyProvider {
  /** The trusted key with this id, or null when the shell does not trust it. */
  key(keyId: string): Promise<TrustedKey | null>;
  /** The key a snapshot names when it has no widget to take it from. */
  current(): Promise<TrustedKey | null>;
  readonly pinned: boolean;
}

/** A key given by the operator: the only one trusted. */
export function pinnedKey(pem: string): KeyProvider {
  const trusted = describeKey(pem);
  return {
    pinned: true,
    key: async (keyId) => (keyId === trusted.keyId ? trusted : null),
    current: async () => trusted,
  };
}

/** Keys fetched from the registry, cached; refetched (at most once a minute) for an unknown key id. */
export function registryKeys(client: RegistryClient): KeyProvider {
  let keys: TrustedKey[] | null = null;
  let fetchedAt = 0;
  const load = async () => {
    const list = await client.keys();
    keys = list
      .filter((k) => k.algorithm === 'ed25519' && typeof k.pem === 'string')
      .map((k) => describeKey(k.pem));
    fetchedAt = Date.now();
  };
  return {
    pinned: false,
    async key(keyId) {
      if (keys === null || (!keys.some((k) => k.keyId === keyId) && Date.now() - fetchedAt > 60_000)) {
        await load();
      }
      return keys?.find((k) => k.keyId === keyId) ?? null;
    },
    async current() {
      if (keys === null) await load();
      return keys?.[0] ?? null;
    },
  };
}

/** Verifies the province's Ed25519 signature over `{name, version, assets, capabilities}`. */
export function verifyRelease(key: TrustedKey, release: SignedRelease, signature: string): boolean {
  try {
    return verify(
      null,
      Buffer.from(signaturePayload(release), 'utf8'),
      key.key,
      Buffer.from(signature, 'base64'),
    );
  } catch {
    return false;
  }
}
