import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CliContext, CommandRefusal } from '@cunmen/command-line';
import { makeTempDir } from '@cunmen/test-utils';
import { describe, expect, it } from 'vitest';
import { scaleOptions } from '../../test/backends.js';
import { blobKey } from '../storage/blobs/object-blob-store.js';
import { openStorage } from '../storage/index.js';
import { migrateCommands } from './migrate-to-scale.js';

async function embedded(): Promise<{ dir: string; sha256: string }> {
  const dir = (await makeTempDir('cunmen-migrate-cli-')).path;
  const storage = await openStorage(dir);
  await storage.accounts.createUser({ name: 'dq', role: 'county', county: '330521', scope: '@deqing' });
  const { sha256 } = await storage.blobs.put(Buffer.from('a tarball'));
  await storage.close();
  return { dir, sha256 };
}

/** Runs the command as the program would, with flags for the target; returns what it printed. */
async function run(dir: string): Promise<{ out: string; result: Promise<void> }> {
  const scale = await scaleOptions();
  let out = '';
  const ctx: CliContext = {
    dataDir: dir,
    values: {
      'database-url': scale.databaseUrl,
      's3-endpoint': scale.s3.endpoint,
      's3-bucket': scale.s3.bucket,
    },
    positionals: [],
    out: (text) => {
      out += text;
    },
    err: () => {},
    fail: (message) => {
      throw new Error(`usage: ${message}`);
    },
  };
  process.env.CUNMEN_S3_ACCESS_KEY_ID = scale.s3.accessKeyId;
  process.env.CUNMEN_S3_SECRET_ACCESS_KEY = scale.s3.secretAccessKey;
  const command = migrateCommands[0];
  if (!command) throw new Error('no migrate-to-scale command');
  const result = command.run(ctx);
  await result.catch(() => {});
  return { out, result };
}

describe('cunmen-registry migrate-to-scale', () => {
  it('prints the row count of every table on both sides and the sha256 of every blob', async () => {
    const { dir, sha256 } = await embedded();
    const { out, result } = await run(dir);
    await expect(result).resolves.toBeUndefined();
    expect(out).toMatch(/^users\s+1\s+1$/m);
    expect(out).toMatch(/^audit_log\s+0\s+0$/m);
    expect(out).toContain(`${sha256}         9 ok\n`);
    expect(out).toContain('verified: every table has the same row count and every blob the same sha256\n');
  });

  it('refuses (exit 1) and marks the blob when the copy differs', async () => {
    const { dir, sha256 } = await embedded();
    writeFileSync(join(dir, 'blobs', ...blobKey(sha256).split('/')), 'not the tarball');
    const { out, result } = await run(dir);
    await expect(result).rejects.toThrow(
      new CommandRefusal('the copy differs from the embedded registry (see MISMATCH above)'),
    );
    expect(out).toMatch(new RegExp(`^${sha256}\\s+\\d+ MISMATCH \\(target [0-9a-f]{64}\\)$`, 'm'));
    expect(out).not.toContain('verified');
  });
});
