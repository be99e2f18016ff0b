import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { integrityOf, makeTarball } from '@cunmen/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suiteBackend } from '../../test/backends.js';
import { errorBody } from '../../test/errors.js';
import { type TestRegistry, testRegistry } from '../../test/registry.js';
import { UpstreamFixture } from '../../test/upstream.js';

const PUBLIC = 'https://province.example.gov.cn';
let upstream: UpstreamFixture;
let r: TestRegistry;

/** Every file under the uplink cache's blob store (in scale mode: its blobs in the bucket). */
async function cachedBlobs(): Promise<string[]> {
  if (suiteBackend() === 'postgres') {
    const names: string[] = [];
    for await (const blob of r.storage.uplinkCache.blobs.list()) names.push(blob.sha256);
    return names;
  }
  const root = join(r.dataDir, 'uplink-cache', 'blobs');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);
}

beforeAll(async () => {
  upstream = await UpstreamFixture.start();
  r = await testRegistry('cunmen-uplink-tarballs-', {
    publicUrl: PUBLIC,
    uplink: { url: upstream.url, timeoutMs: 2000, maxAgeSeconds: 60 },
  });
});

afterAll(async () => {
  await r.close();
  await upstream.close();
});

describe('proxied tarballs', () => {
  it('fetches a tarball on first request, verifies it, and then serves it without the uplink', async () => {
    const bytes = upstream.add('left-pad', '1.3.0');
    const first = await r.app.inject({ url: '/left-pad/-/left-pad-1.3.0.tgz' });
    expect(first.statusCode).toBe(200);
    expect(first.rawPayload.equals(bytes)).toBe(true);
    expect(first.headers).toMatchObject({
      'x-cunmen-uplink': 'miss',
      'content-type': 'application/octet-stream',
      'content-length': String(bytes.length),
      'cache-control': 'public, max-age=31536000, immutable',
    });
    // The packument told it where the tarball is and what it must hash to.
    expect(upstream.seen('/left-pad').map((q) => q.path)).toEqual([
      '/left-pad',
      '/left-pad/-/left-pad-1.3.0.tgz',
    ]);
    expect(await cachedBlobs()).toHaveLength(1);

    upstream.mode = 'error';
    try {
      const again = await r.app.inject({ url: '/left-pad/-/left-pad-1.3.0.tgz' });
      expect(again.headers['x-cunmen-uplink']).toBe('hit');
      expect(again.rawPayload.equals(bytes)).toBe(true);
      expect(again.headers.etag).toBe(first.headers.etag);
    } finally {
      upstream.mode = 'up';
    }
    expect(upstream.seen('/left-pad')).toHaveLength(2);
  });

  it('refuses a tampered tarball with 502, stores nothing and records it in the audit log', async () => {
    const served = makeTarball([
      { path: 'package/index.js', body: 'require("child_process").exec("curl x")' },
    ]);
    const honest = upstream.add('evil-pad', '1.0.0', { served });
    const promised = integrityOf(honest).integrity;
    const actual = integrityOf(served).integrity;
    const before = await cachedBlobs();
    const res = await r.app.inject({ url: '/evil-pad/-/evil-pad-1.0.0.tgz' });
    expect(res.statusCode).toBe(502);
    expect(res.json()).toEqual(
      errorBody(
        'REG_ERR_UPLINK_INTEGRITY',
        `the tarball of evil-pad@1.0.0 from the uplink hashes to ${actual}, not ${promised}; it was not stored`,
      ),
    );
    expect(await cachedBlobs()).toEqual(before);
    expect(await r.storage.uplinkCache.getTarball('evil-pad', '1.0.0')).toBeNull();
    const entries = await r.storage.audit.list({});
    expect(entries.at(-1)).toMatchObject({
      actor: 'uplink',
      action: 'uplink.tarball-refused',
      subject: 'evil-pad@1.0.0',
      detail: { url: upstream.tarballUrl('evil-pad', '1.0.0'), expected: promised, actual },
    });
    // Asked again, it is refused again: nothing was kept.
    expect((await r.app.inject({ url: '/evil-pad/-/evil-pad-1.0.0.tgz' })).statusCode).toBe(502);
  });

  it('fetches a tarball once for many concurrent clients', async () => {
    upstream.add('busy', '2.0.0');
    upstream.delayMs = 150;
    try {
      const answers = await Promise.all(
        Array.from({ length: 6 }, () => r.app.inject({ url: '/busy/-/busy-2.0.0.tgz' })),
      );
      expect(answers.map((a) => a.statusCode)).toEqual(Array(6).fill(200));
      expect(upstream.seen('/busy/-/')).toHaveLength(1);
    } finally {
      upstream.delayMs = 0;
    }
  });

  it('checks packages older than integrity against their sha1 shasum', async () => {
    const bytes = upstream.add('old-pkg', '0.1.0', { shasumOnly: true });
    const res = await r.app.inject({ url: '/old-pkg/-/old-pkg-0.1.0.tgz' });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(bytes)).toBe(true);
    expect((await r.storage.uplinkCache.getTarball('old-pkg', '0.1.0'))?.integrity).toMatch(/^sha1-/);
  });

  it('asks again for a version newer than its fresh packument, and 404s a version nobody has', async () => {
    upstream.add('growing', '1.0.0');
    expect((await r.app.inject({ url: '/growing' })).statusCode).toBe(200);
    const bytes = upstream.add('growing', '1.1.0');
    const newer = await r.app.inject({ url: '/growing/-/growing-1.1.0.tgz' });
    expect(newer.rawPayload.equals(bytes)).toBe(true);
    const missing = await r.app.inject({ url: '/growing/-/growing-9.0.0.tgz' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual(
      errorBody('REG_ERR_NOT_FOUND', 'tarball growing/-/growing-9.0.0.tgz not found'),
    );
    expect((await r.app.inject({ url: '/nothing-here/-/nothing-here-1.0.0.tgz' })).statusCode).toBe(404);
  });

  it('serves scoped tarballs under the scope', async () => {
    const bytes = upstream.add('@types/node', '20.0.0');
    const res = await r.app.inject({ url: '/@types/node/-/node-20.0.0.tgz' });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(bytes)).toBe(true);
    expect(upstream.seen('/@types/node/-/')).toHaveLength(1);
  });
});
