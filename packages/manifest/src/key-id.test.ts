import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyIdOf, rawPublicKey } from './key-id.js';

describe('keyIdOf', () => {
  it('is the first 16 hex digits of the sha256 of the raw 32-byte key, from a key or its bytes', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const raw = rawPublicKey(publicKey);
    expect(raw).toHaveLength(32);
    expect(Buffer.from(publicKey.export({ format: 'jwk' }).x as string, 'base64url')).toEqual(raw);
    const id = createHash('sha256').update(raw).digest('hex').slice(0, 16);
    expect(keyIdOf(publicKey)).toBe(id);
    expect(keyIdOf(raw)).toBe(id);
    expect(keyIdOf(createPublicKey(privateKey))).toBe(id);
    expect(keyIdOf(generateKeyPairSync('ed25519').publicKey)).not.toBe(id);
  });
});
