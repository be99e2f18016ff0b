/**
 * The province signing key (Ed25519). Created in `<data>/keys/` on first start and kept there: the
 * private key readable only by the registry's user, the public key exported for the shell, which
 * verifies every approved release with it before loading a line of the widget's code.
 */
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { keyIdOf, rawPublicKey } from '@cunmen/manifest/key-id';

export interface ProvinceKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** SPKI PEM of the public key. */
  publicKeyPem: string;
  /** The raw 32-byte public key, base64 (what WebCrypto and small Ed25519 libraries import). */
  publicKeyRaw: string;
  /** First 16 hex digits of the raw public key's sha256: names the key in signatures. */
  keyId: string;
}

const PRIVATE_FILE = 'province-ed25519.key';
const PUBLIC_FILE = 'province-ed25519.pub';

export function keysDir(dataDir: string): string {
  return join(dataDir, 'keys');
}

/** The private key's file: `keyFile` when given, else `<data>/keys/`. */
export function privateKeyPath(dataDir: string, keyFile?: string): string {
  return keyFile ?? join(keysDir(dataDir), PRIVATE_FILE);
}

function describe(privateKey: KeyObject): ProvinceKeys {
  const publicKey = createPublicKey(privateKey);
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const raw = rawPublicKey(publicKey);
  return { privateKey, publicKey, publicKeyPem, publicKeyRaw: raw.toString('base64'), keyId: keyIdOf(raw) };
}

/**
 * Loads the province key, creating it the first time: from `keyFile` when given (scale mode: the same
 * file on every instance, so they all sign with the key the shells trust), else `<data>/keys/`.
 */
export function loadOrCreateKeys(dataDir: string, keyFile?: string): ProvinceKeys {
  const privatePath = privateKeyPath(dataDir, keyFile);
  const dir = dirname(privatePath);
  if (existsSync(privatePath)) return describe(createPrivateKey(readFileSync(privatePath)));
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync('ed25519');
  const keys = describe(privateKey);
  // Written under a temporary name and hard-linked into place, so two processes (or two instances on
  // one key file) starting at once never see half a key, and the link fails for all but the first:
  // every one of them ends up with the first key.
  const tmp = `${privatePath}.${process.pid}.tmp`;
  writeFileSync(tmp, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  try {
    linkSync(tmp, privatePath);
  } catch (err) {
    if ((err as { code?: string }).code !== 'EEXIST') throw err;
    return describe(createPrivateKey(readFileSync(privatePath)));
  } finally {
    rmSync(tmp, { force: true });
  }
  writeFileSync(keyFile === undefined ? join(dir, PUBLIC_FILE) : `${privatePath}.pub`, keys.publicKeyPem, {
    mode: 0o644,
  });
  return describe(createPrivateKey(readFileSync(privatePath)));
}

export function signPayload(keys: ProvinceKeys, payload: string): string {
  return sign(null, Buffer.from(payload, 'utf8'), keys.privateKey).toString('base64');
}

export function verifyPayload(publicKeyPem: string, payload: string, signature: string): boolean {
  return verify(
    null,
    Buffer.from(payload, 'utf8'),
    createPublicKey(publicKeyPem),
    Buffer.from(signature, 'base64'),
  );
}
