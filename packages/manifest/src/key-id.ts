/**
 * Names a province signing key. The registry writes the id of the key that signed a release into the
 * release document; the shell looks up the key it trusts by that id. Node only (`node:crypto`), so it
 * has its own entry point, `@cunmen/manifest/key-id`, out of the browser's way.
 */
import { createHash, type KeyObject } from 'node:crypto';

/** The raw 32 bytes of an Ed25519 public key: the end of its SPKI encoding. */
export function rawPublicKey(key: KeyObject): Buffer {
  const der = key.export({ type: 'spki', format: 'der' });
  return der.subarray(der.length - 32);
}

/** The first 16 hex digits of the sha256 of the raw public key (given as a key or as its raw bytes). */
export function keyIdOf(key: KeyObject | Uint8Array): string {
  const raw = key instanceof Uint8Array ? key : rawPublicKey(key);
  return createHash('sha256').update(raw).digest('hex').slice(0, 16);
}
