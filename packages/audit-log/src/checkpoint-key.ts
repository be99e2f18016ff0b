/**
 * An Ed25519 key for signing checkpoints, kept in a file (created readable only by its owner on first
 * use). The shell signs its checkpoints with such a key in its data directory; the registry uses the
 * province key it already keeps.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface CheckpointKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** SPKI PEM of the public key: copy it off the host to verify checkpoints there. */
  publicKeyPem: string;
}

function describe(privateKey: KeyObject): CheckpointKey {
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** The key in `path` (PKCS#8 PEM), created there first when absent; its public key beside it (`.pub`). */
export function loadOrCreateCheckpointKey(path: string): CheckpointKey {
  if (existsSync(path)) return describe(createPrivateKey(readFileSync(path)));
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }), {
    mode: 0o600,
  });
  // Hard-linked into place: of two processes creating it at once, both end up with the first key.
  try {
    linkSync(tmp, path);
  } catch (err) {
    if ((err as { code?: string }).code !== 'EEXIST') throw err;
  } finally {
    rmSync(tmp, { force: true });
  }
  const key = describe(createPrivateKey(readFileSync(path)));
  writeFileSync(`${path}.pub`, key.publicKeyPem, { mode: 0o644 });
  return key;
}
