/**
 * The province key is required configuration: with a registry and no key the command is a usage error
 * naming `--province-key` (exit 2); `$CUNMEN_PROVINCE_KEY` and the file `npm start` writes count as
 * configuration; the registry is never asked.
 */
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CliContext } from '@cunmen/command-line';
import { makeTempDir } from '@cunmen/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { PROVINCE_KEY_ENV, PROVINCE_KEY_FILE, registryOptions } from './command.js';

class UsageError extends Error {}

function context(dataDir: string, values: CliContext['values']): CliContext {
  return {
    dataDir,
    values,
    positionals: [],
    out: () => undefined,
    err: () => undefined,
    fail: (message) => {
      throw new UsageError(message);
    },
  };
}

const pem = () => generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
const REGISTRY = { registry: 'http://127.0.0.1:9' };

describe('--province-key', () => {
  afterEach(() => {
    delete process.env[PROVINCE_KEY_ENV];
  });

  it('is required with a registry: a usage error naming the flag and the variable', async () => {
    const dir = await makeTempDir('cunmen-key-');
    try {
      const ctx = context(dir.path, REGISTRY);
      expect(() => registryOptions(ctx)).toThrow(UsageError);
      expect(() => registryOptions(ctx)).toThrow(/--province-key is required.*\$CUNMEN_PROVINCE_KEY/);
      // Without a registry there is nothing to verify yet.
      expect(registryOptions(context(dir.path, {})).provinceKeyPem).toBeUndefined();
    } finally {
      await dir.remove();
    }
  });

  it('takes the flag, else the variable, else the file npm start writes', async () => {
    const dir = await makeTempDir('cunmen-key-');
    try {
      const [flag, env, file] = [pem(), pem(), pem()];
      writeFileSync(join(dir.path, 'flag.pem'), flag);
      writeFileSync(join(dir.path, 'env.pem'), env);
      writeFileSync(join(dir.path, PROVINCE_KEY_FILE), file);
      const flagged = { ...REGISTRY, 'province-key': join(dir.path, 'flag.pem') };
      process.env[PROVINCE_KEY_ENV] = join(dir.path, 'env.pem');
      expect(registryOptions(context(dir.path, flagged)).provinceKeyPem).toBe(flag.trim());
      expect(registryOptions(context(dir.path, REGISTRY)).provinceKeyPem).toBe(env.trim());
      delete process.env[PROVINCE_KEY_ENV];
      expect(registryOptions(context(dir.path, REGISTRY)).provinceKeyPem).toBe(file.trim());
    } finally {
      await dir.remove();
    }
  });

  it.each([
    ['a file that is not there', (dir: string) => join(dir, 'missing.pem'), /cannot read/],
    [
      'an empty file',
      (dir: string) => {
        writeFileSync(join(dir, 'e.pem'), '');
        return join(dir, 'e.pem');
      },
      // The real ctx.fail exits at "is empty"; this one throws, which fileOption reports as unreadable.
      /--province-key: .*(is empty|cannot read)/,
    ],
    [
      'an RSA key',
      (dir: string) => {
        const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey;
        writeFileSync(join(dir, 'rsa.pem'), rsa.export({ type: 'spki', format: 'pem' }).toString());
        return join(dir, 'rsa.pem');
      },
      /not an Ed25519 public key/,
    ],
  ])('refuses %s as a usage error', async (_case, make, message) => {
    const dir = await makeTempDir('cunmen-key-');
    try {
      const ctx = context(dir.path, { ...REGISTRY, 'province-key': make(dir.path) });
      expect(() => registryOptions(ctx)).toThrow(message);
    } finally {
      await dir.remove();
    }
  });
});
