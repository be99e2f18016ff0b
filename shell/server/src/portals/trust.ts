/**
 * The province key the shell verifies every release with: pinned by the operator (`--province-key`,
 * `$CUNMEN_PROVINCE_KEY`, or the file `npm start` writes), never learned from the registry. A registry
 * that could hand out its own key could sign anything, so there is no trust on first use.
 */
import { createPublicKey, type KeyObject, verify } from 'node:crypto';
import { signaturePayload } from '@cunmen/manifest';
import { keyIdOf, rawPublicKey } from '@cunmen/manifest/key-id';

export interface TrustedKey {
  keyId: string;
  /** The raw 32-byte Ed25519 key, base64 (what the page hands the browser). */
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
  /** The pinned key: what the page hands the browser and what a snapshot names. */
  current(): Promise<TrustedKey>;
}

/** The key the operator pinned: the only one trusted. */
export function pinnedKey(pem: string): KeyProvider {
  const trusted = describeKey(pem);
  return {
    key: async (keyId) => (keyId === trusted.keyId ? trusted : null),
    current: async () => trusted,
  };
}

function verifyBytes(key: TrustedKey, payload: string, signature: string): boolean {
  try {
    return verify(null, Buffer.from(payload, 'utf8'), key.key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** Verifies the province's Ed25519 signature over a payload (v2: `releaseDocumentPayloadV2`). */
export function verifyRelease(key: TrustedKey, payload: string, signature: string): boolean {
  return verifyBytes(key, payload, signature);
}

/**
 * Whether the signature is a valid v1 one (`{name, version, assets, capabilities}` only), which the
 * shell no longer accepts: used only to tell the operator why, not to trust the release.
 */
export function isV1Signature(
  key: TrustedKey,
  release: { name: string; version: string; assets: Record<string, string>; capabilities: string[] },
  signature: string,
): boolean {
  const payload = signaturePayload({
    name: release.name,
    version: release.version,
    assets: release.assets,
    capabilities: release.capabilities as Parameters<typeof signaturePayload>[0]['capabilities'],
  });
  return verifyBytes(key, payload, signature);
}
