import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  integrityOf,
  makeTarball,
  makeTempDir,
  publishDocument,
  sri,
  type TarEntry,
} from '@cunmen/test-utils';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshBackend, storageOptionsFor, suiteBackend } from '../../test/backends.js';
import { errorBody, npmText } from '../../test/errors.js';
import { ASSET_BODIES, builtManifest, widgetEntries, widgetTarball } from '../../test/fixtures.js';
import { buildApp } from '../app.js';
import { approve } from '../cli/review.js';
import { addUser } from '../cli/users.js';
import type { RegistryErrorCode } from '../errors.js';
import { openStorage } from '../storage/index.js';
import type { Storage } from '../storage/types.js';

const NAME = '@deqing/find-machinery';
const PUBLIC_URL = 'https://registry.example.gov.cn';

let dataDir: string;
let app: FastifyInstance;
let storage: Storage;
let deqing: string;
let anji: string;

beforeEach(async () => {
  dataDir = (await makeTempDir('cunmen-registry-')).path;
  await freshBackend();
  deqing = (
    await addUser({ dataDir, name: 'deqing-dev', role: 'county', county: '330521', scope: '@deqing' })
  ).token;
  anji = (await addUser({ dataDir, name: 'anji-dev', role: 'county', county: '330523', scope: '@anji' }))
    .token;
  storage = await openStorage(dataDir, await storageOptionsFor(dataDir));
  app = await buildApp({ storage, dataDir, publicUrl: `${PUBLIC_URL}/`, maxPublishBytes: 64 * 1024 });
});

afterEach(async () => {
  await app.close();
  await storage.close();
});

function put(body: unknown, token: string | null = deqing, name = NAME) {
  return app.inject({
    method: 'PUT',
    url: `/${name.replace('/', '%2f')}`,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Every stored blob: the files under blobs/ (temporary ones too) or, in scale mode, the bucket's. */
async function blobFiles(): Promise<string[]> {
  if (suiteBackend() === 'postgres') {
    const names: string[] = [];
    for await (const blob of storage.blobs.list()) names.push(blob.sha256);
    return names;
  }
  const root = join(dataDir, 'blobs');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);
}

async function expectNothingStored(): Promise<void> {
  expect(await storage.packages.countVersions(NAME)).toBe(0);
  expect(await blobFiles()).toEqual([]);
}

async function expectRejected(
  res: Awaited<ReturnType<typeof put>>,
  status: number,
  code: RegistryErrorCode,
  error: string,
  field?: string,
): Promise<void> {
  expect(res.json()).toEqual(errorBody(code, error, field));
  expect(res.statusCode).toBe(status);
  await expectNothingStored();
}

function entriesWith(extra: TarEntry): TarEntry[] {
  return [...widgetEntries(NAME, '1.0.0'), extra];
}

describe('ping and whoami', () => {
  it('answers /-/ping', async () => {
    const res = await app.inject({ url: '/-/ping' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({});
  });

  it('names the token user and refuses missing or unknown tokens', async () => {
    const ok = await app.inject({ url: '/-/whoami', headers: { authorization: `Bearer ${deqing}` } });
    expect(ok.json()).toEqual({ username: 'deqing-dev' });
    const none = await app.inject({ url: '/-/whoami' });
    expect(none.statusCode).toBe(401);
    expect(none.json()).toEqual(
      errorBody('REG_ERR_UNAUTHORIZED', 'authentication required: send a registry token as a Bearer token'),
    );
    const bad = await app.inject({ url: '/-/whoami', headers: { authorization: 'Bearer cunmen_nope' } });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error).toBe(
      npmText('REG_ERR_UNAUTHORIZED', 'the registry token is unknown or revoked'),
    );
  });
});

describe('publish', () => {
  it('stores a valid publish as pending, invisible until approved', async () => {
    const tarball = widgetTarball(NAME, '1.0.0');
    const res = await put(publishDocument(NAME, '1.0.0', tarball));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ ok: true, id: NAME, version: '1.0.0', status: 'pending' });
    expect((await storage.packages.getVersion(NAME, '1.0.0'))?.status).toBe('pending');
    // The tarball and, unpacked, the two assets the manifest lists.
    expect(await blobFiles()).toHaveLength(3);

    expect((await app.inject({ url: `/${NAME.replace('/', '%2f')}` })).statusCode).toBe(404);
    const tgzUrl = `/${NAME}/-/find-machinery-1.0.0.tgz`;
    expect((await app.inject({ url: tgzUrl })).statusCode).toBe(404);

    await approve(dataDir, `${NAME}@1.0.0`);
    const doc = await app.inject({ url: `/${NAME.replace('/', '%2f')}`, headers: { host: 'evil.example' } });
    expect(doc.statusCode).toBe(200);
    const packument = doc.json();
    expect(packument['dist-tags']).toEqual({ latest: '1.0.0' });
    expect(packument.versions['1.0.0'].dist).toEqual({
      integrity: expect.stringMatching(/^sha512-/),
      shasum: expect.stringMatching(/^[0-9a-f]{40}$/),
      tarball: `${PUBLIC_URL}/${NAME}/-/find-machinery-1.0.0.tgz`,
    });
    expect((await app.inject({ url: `/${NAME}` })).json().name).toBe(NAME);

    const tgz = await app.inject({ url: tgzUrl });
    expect(tgz.statusCode).toBe(200);
    expect(tgz.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(tgz.rawPayload.equals(tarball)).toBe(true);
  });

  it('refuses to publish over an existing version with 409', async () => {
    const tarball = widgetTarball(NAME, '1.0.0');
    expect((await put(publishDocument(NAME, '1.0.0', tarball))).statusCode).toBe(201);
    const other = makeTarball([...widgetEntries(NAME, '1.0.0'), { path: 'package/README.md', body: 'x' }]);
    const res = await put(publishDocument(NAME, '1.0.0', other));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual(
      errorBody('REG_ERR_VERSION_EXISTS', `cannot publish over existing version ${NAME}@1.0.0`, 'version'),
    );
    expect(await storage.packages.countVersions(NAME)).toBe(1);
    expect(await blobFiles()).toHaveLength(3);
  });

  it("refuses another county's scope with 403 naming both scopes", async () => {
    const tarball = widgetTarball(NAME, '1.0.0');
    await expectRejected(
      await put(publishDocument(NAME, '1.0.0', tarball), anji),
      403,
      'REG_ERR_FORBIDDEN_SCOPE',
      'a token for scope @anji cannot publish to scope @deqing',
    );
  });

  it('refuses a publish without a token', async () => {
    const tarball = widgetTarball(NAME, '1.0.0');
    await expectRejected(
      await put(publishDocument(NAME, '1.0.0', tarball), null),
      401,
      'REG_ERR_UNAUTHORIZED',
      'authentication required: send a registry token as a Bearer token',
    );
  });

  it('verifies dist.integrity (sha512) against the attachment', async () => {
    const tarball = widgetTarball(NAME, '1.0.0');
    const wrong = `sha512-${Buffer.alloc(64).toString('base64')}`;
    const res = await put(publishDocument(NAME, '1.0.0', tarball, { dist: { integrity: wrong } }));
    const actual = publishDocument(NAME, '1.0.0', tarball) as {
      versions: Record<string, { dist: { integrity: string } }>;
    };
    await expectRejected(
      res,
      400,
      'REG_ERR_INTEGRITY_MISMATCH',
      `the tarball's integrity is ${actual.versions['1.0.0']?.dist.integrity} but dist.integrity says ${wrong}`,
      'dist.integrity',
    );
  });

  it('verifies dist.shasum (sha1) against the attachment', async () => {
    const tarball = widgetTarball(NAME, '1.0.0');
    const res = await put(publishDocument(NAME, '1.0.0', tarball, { dist: { shasum: '0'.repeat(40) } }));
    await expectRejected(
      res,
      400,
      'REG_ERR_SHASUM_MISMATCH',
      `the tarball's sha1 is ${integrityOf(tarball).shasum} but dist.shasum says ${'0'.repeat(40)}`,
      'dist.shasum',
    );
  });

  it.each([
    [{ path: 'package/../x', body: 'x' }, 'tarball entry "package/../x" contains ".."'],
    [{ path: '../x', body: 'x' }, 'tarball entry "../x" contains ".."'],
    [{ path: '/etc/cron.d/x', body: 'x' }, 'tarball entry "/etc/cron.d/x" is an absolute path'],
    [
      { path: 'package/link', type: '2', linkpath: '/etc/passwd' },
      'tarball entry "package/link" is a SymbolicLink; only plain files and directories are allowed',
    ],
    [
      { path: 'package/hard', type: '1', linkpath: 'package/package.json' },
      'tarball entry "package/hard" is a Link; only plain files and directories are allowed',
    ],
    [
      { path: 'package/dev', type: '3' },
      'tarball entry "package/dev" is a CharacterDevice; only plain files and directories are allowed',
    ],
  ] as [TarEntry, string][])('rejects an unsafe tarball entry %j', async (entry, error) => {
    const tarball = makeTarball(entriesWith(entry));
    await expectRejected(
      await put(publishDocument(NAME, '1.0.0', tarball)),
      400,
      'REG_ERR_UNSAFE_TARBALL',
      error,
    );
  });

  it('rejects an attachment that is not a gzip tarball', async () => {
    const bytes = Buffer.from('just text, not a tarball');
    await expectRejected(
      await put(publishDocument(NAME, '1.0.0', bytes)),
      400,
      'REG_ERR_BAD_TARBALL',
      'the attachment is not a gzip-compressed tarball',
    );
  });

  it('rejects a tarball without dist/cunmen.json', async () => {
    const tarball = makeTarball([{ path: 'package/package.json', body: '{}' }]);
    await expectRejected(
      await put(publishDocument(NAME, '1.0.0', tarball)),
      400,
      'REG_ERR_MANIFEST_MISSING',
      'the tarball has no dist/cunmen.json; build the widget with `cunmen build` before publishing',
    );
  });

  it('rejects a built manifest that fails validation', async () => {
    const tarball = widgetTarball(NAME, '1.0.0', { manifest: { budget: { gzip: 1024 } } });
    await expectRejected(
      await put(publishDocument(NAME, '1.0.0', tarball)),
      400,
      'REG_ERR_MANIFEST_INVALID',
      'dist/cunmen.json: size.jsGzip: 1500 bytes gzip exceeds the budget of 1024 bytes',
    );
  });

  it('recomputes the sha384 of every asset the manifest lists', async () => {
    const entries = widgetEntries(NAME, '1.0.0').map((e) =>
      e.path === 'package/dist/remoteEntry.js' ? { ...e, body: 'alert("swapped");\n' } : e,
    );
    await expectRejected(
      await put(publishDocument(NAME, '1.0.0', makeTarball(entries))),
      400,
      'REG_ERR_MANIFEST_INVALID',
      `dist/remoteEntry.js has integrity ${sri('alert("swapped");\n')}, but dist/cunmen.json says ${sri(ASSET_BODIES['remoteEntry.js'] as string)}`,
    );
  });

  it('rejects a manifest listing an asset the tarball lacks', async () => {
    const entries = widgetEntries(NAME, '1.0.0').filter((e) => e.path !== 'package/dist/mf-manifest.json');
    await expectRejected(
      await put(publishDocument(NAME, '1.0.0', makeTarball(entries))),
      400,
      'REG_ERR_MANIFEST_INVALID',
      'dist/cunmen.json lists asset mf-manifest.json, but the tarball has no dist/mf-manifest.json',
    );
  });

  it('rejects a built manifest for another version', async () => {
    const tarball = makeTarball(widgetEntries(NAME, '1.0.0', builtManifest(NAME, '2.0.0')));
    await expectRejected(
      await put(publishDocument(NAME, '1.0.0', tarball)),
      400,
      'REG_ERR_NAME_MISMATCH',
      `dist/cunmen.json is for ${NAME}@2.0.0, but the publish is ${NAME}@1.0.0`,
    );
  });

  it('rejects a manifest claiming another county', async () => {
    const tarball = widgetTarball(NAME, '1.0.0', { manifest: { county: '330523' } });
    await expectRejected(
      await put(publishDocument(NAME, '1.0.0', tarball)),
      400,
      'REG_ERR_MANIFEST_INVALID',
      'dist/cunmen.json: name: scope @deqing belongs to county 330521 (德清县), not 330523',
    );
  });

  it('rejects an invalid semver version', async () => {
    const tarball = widgetTarball(NAME, '1.0');
    await expectRejected(
      await put(publishDocument(NAME, '1.0', tarball)),
      400,
      'REG_ERR_INVALID_VERSION',
      '"1.0" is not a valid semver version such as 1.0.0',
      'versions',
    );
  });

  it('rejects a document whose name differs from the URL', async () => {
    const tarball = widgetTarball(NAME, '1.0.0');
    await expectRejected(
      await put(publishDocument('@deqing/other', '1.0.0', tarball)),
      400,
      'REG_ERR_NAME_MISMATCH',
      `the document names "@deqing/other" but the URL names "${NAME}"`,
      'name',
    );
  });

  it('rejects a document that is not a publish', async () => {
    await expectRejected(
      await put({ name: NAME, versions: {} }),
      400,
      'REG_ERR_BAD_PUBLISH',
      'invalid publish document: _attachments: Invalid input: expected record, received undefined',
      '_attachments',
    );
  });

  it('answers malformed JSON with a 400, not a 5xx', async () => {
    const res = await put('{"name": ');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('REG_ERR_BAD_REQUEST');
    expect(res.body).not.toMatch(/at .*\.js:\d+/);
    await expectNothingStored();
  });

  it('answers a body over the limit with 413', async () => {
    const big = makeTarball([
      ...widgetEntries(NAME, '1.0.0'),
      { path: 'package/big', body: Buffer.alloc(0) },
    ]);
    const doc = publishDocument(NAME, '1.0.0', big) as Record<string, unknown>;
    doc.padding = 'x'.repeat(70 * 1024);
    await expectRejected(
      await put(doc),
      413,
      'REG_ERR_BODY_TOO_LARGE',
      'request body is larger than the registry accepts',
    );
  });

  it('lands two concurrent publishes of different versions', async () => {
    const a = widgetTarball(NAME, '1.0.0');
    const b = widgetTarball(NAME, '1.1.0');
    const [ra, rb] = await Promise.all([
      put(publishDocument(NAME, '1.0.0', a)),
      put(publishDocument(NAME, '1.1.0', b)),
    ]);
    expect([ra.statusCode, rb.statusCode]).toEqual([201, 201]);
    expect(await storage.packages.countVersions(NAME)).toBe(2);
  });
});
