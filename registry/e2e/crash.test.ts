/**
 * A server killed with SIGKILL while it handles publishes restarts with no half-published version:
 * every version row it kept has its blob with the right bytes, and every publish it lost can be sent
 * again. The kill lands at different moments (mid-upload, mid-processing, after), so the test checks
 * the invariant rather than one timing.
 */
import { createHash, randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { buffer } from 'node:stream/consumers';
import { makeTempDir, publishDocument, publishPath } from '@cunmen/test-utils';
import { describe, expect, it } from 'vitest';
import { addUser } from '../src/cli/users.js';
import { openStorage } from '../src/storage/index.js';
import { storageOptionsFor } from '../test/backends.js';
import { serveRegistry as startServer } from '../test/e2e.js';
import { widgetTarball } from '../test/fixtures.js';

const NAME = '@deqing/find-machinery';

function body(version: string): Buffer {
  // A few MB of incompressible bytes, so the upload and the hashing take a moment.
  const tarball = widgetTarball(NAME, version, {
    extraEntries: [{ path: 'package/dist/blob.bin', body: randomBytes(3_000_000) }],
  });
  return Buffer.from(JSON.stringify(publishDocument(NAME, version, tarball)));
}

/** Sends a publish and resolves with its status, or null if the connection died. */
function sendPublish(port: number, token: string, payload: Buffer): Promise<number | null> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'PUT',
        path: publishPath(NAME),
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': payload.length,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? null));
        res.on('error', () => resolve(null));
      },
    );
    req.on('error', () => resolve(null));
    req.end(payload);
  });
}

describe('SIGKILL during publish', () => {
  it('never leaves a half-published version', async () => {
    const data = (await makeTempDir('cunmen-registry-crash-')).path;
    const { token } = await addUser({
      dataDir: data,
      name: 'dq',
      role: 'county',
      county: '330521',
      scope: '@deqing',
    });
    // Milliseconds after sending before the kill; null = after the response arrived.
    const delays: (number | null)[] = [0, 30, 100, 250, 600, null];
    const versions = delays.map((_, i) => `1.0.${i}`);

    for (const [i, delay] of delays.entries()) {
      const { proc, port } = await startServer(data);
      const pending = sendPublish(port, token, body(versions[i] as string));
      if (delay === null) expect(await pending).toBe(201);
      else await new Promise((r) => setTimeout(r, delay));
      await proc.stop('SIGKILL');
      await pending;
    }

    const storage = await openStorage(data, await storageOptionsFor(data));
    const kept: string[] = [];
    try {
      for (const version of versions) {
        const row = await storage.packages.getVersion(NAME, version);
        if (!row) continue;
        kept.push(version);
        const stream = await storage.blobs.get(row.blobSha256);
        expect(stream, `blob of ${version}`).not.toBeNull();
        const blob = stream ? await buffer(stream) : Buffer.alloc(0);
        expect(blob.length).toBe(row.tarballSize);
        expect(`sha512-${createHash('sha512').update(blob).digest('base64')}`).toBe(row.integrity);
      }
    } finally {
      await storage.close();
    }

    expect(kept).toContain(versions[versions.length - 1]);
    // After a clean restart, every lost version publishes and every kept one is a 409.
    const { proc, port } = await startServer(data);
    try {
      for (const version of versions) {
        const status = await sendPublish(port, token, body(version));
        expect(status, version).toBe(kept.includes(version) ? 409 : 201);
      }
    } finally {
      await proc.stop();
    }
  }, 120_000);
});
