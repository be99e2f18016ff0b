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
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

function describe(privateKey: KeyObject): ProvinceKeys {
  const publicKey = createPublicKey(privateKey);
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const raw = rawPublicKey(publicKey);
  return { privateKey, publicKey, publicKeyPem, publicKeyRaw: raw.toString('base64'), keyId: keyIdOf(raw) };
}

/** Loads the province key from the data directory, creating it the first time. */
export function loadOrCreateKeys(dataDir: string): ProvinceKeys {
  const dir = keysDir(dataDir);
  const privatePath = join(dir, PRIVATE_FILE);
  if (existsSync(privatePath)) return describe(createPrivateKey(readFileSync(privatePath)));
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync('ed25519');
  const keys = describe(privateKey);
  // Written under a temporary name and renamed, so two processes starting at once never see half a key;
  // the rename is atomic and the first key wins.
  const tmp = `${privatePath}.${process.pid}.tmp`;
  writeFileSync(tmp, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  if (existsSync(privatePath)) return describe(createPrivateKey(readFileSync(privatePath)));
  renameSync(tmp, privatePath);
  writeFileSync(join(dir, PUBLIC_FILE), keys.publicKeyPem, { mode: 0o644 });
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
