/**
 * The province's limit on a widget's home route at publish (issue #16): recomputed from the tarball's
 * bytes, refused with REG_ERR_HOME_ROUTE_BUDGET and nothing stored above it; recorded as a review check
 * within it; a page's lazily loaded chunk does not count.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { makeTempDir, publishDocument, sri } from '@cunmen/test-utils';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshBackend, storageOptionsFor, suiteBackend } from '../../test/backends.js';
import { errorBody } from '../../test/errors.js';
import { ASSET_BODIES, builtManifest, widgetTarball } from '../../test/fixtures.js';
import { buildApp } from '../app.js';
import { addUser } from '../cli/users.js';
import { openStorage } from '../storage/index.js';
import type { Storage } from '../storage/types.js';

const NAME = '@deqing/find-machinery';
const TILE = 'static/js/__federation_expose_Tile.1a2b3c4d.js';
const HEAVY = 'static/js/812.9f9f9f9f.js';
// Random-looking text compresses poorly, so the sizes below are far apart after gzip too.
const noise = (n: number) =>
  Array.from({ length: n }, (_, i) => ((i * 2654435761) % 4294967296).toString(36)).join('');
const BODIES = {
  [TILE]: `export const tile = "${noise(200)}";\n`,
  [HEAVY]: `export const chart = "${noise(20000)}";\n`,
};
const gz = (body: string) => gzipSync(Buffer.from(body), { level: 9 }).length;
const HOME = gz(ASSET_BODIES['remoteEntry.js'] as string) + gz(BODIES[TILE] as string);

let dataDir: string;
let app: FastifyInstance;
let storage: Storage;
let deqing: string;

async function start(homeRouteLimit?: number) {
  storage = await openStorage(dataDir, await storageOptionsFor(dataDir));
  app = await buildApp({
    storage,
    dataDir,
    publicUrl: 'https://registry.example.gov.cn/',
    ...(homeRouteLimit === undefined ? {} : { homeRouteLimit }),
  });
}

beforeEach(async () => {
  dataDir = (await makeTempDir('cunmen-registry-home-')).path;
  await freshBackend();
  deqing = (
    await addUser({ dataDir, name: 'deqing-dev', role: 'county', county: '330521', scope: '@deqing' })
  ).token;
});

afterEach(async () => {
  await app?.close();
  await storage?.close();
});

/** A widget whose tile needs TILE and whose page lazily loads HEAVY; `listed` overrides the tile's list. */
function tarball(listed: string[] = [TILE]) {
  const base = builtManifest(NAME, '1.0.0');
  const extra = Object.entries(BODIES).map(([path, body]) => ({
    path,
    size: body.length,
    gzip: gz(body),
    integrity: sri(body),
    contentType: 'text/javascript',
  }));
  return widgetTarball(NAME, '1.0.0', {
    manifest: {
      assets: [...base.assets, ...extra],
      exposeAssets: { './Tile': listed },
      budget: { gzip: 200_000 },
    },
    extraEntries: Object.entries(BODIES).map(([path, body]) => ({ path: `package/dist/${path}`, body })),
  });
}

function put(body: Buffer) {
  return app.inject({
    method: 'PUT',
    url: `/${NAME.replace('/', '%2f')}`,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${deqing}` },
    payload: JSON.stringify(publishDocument(NAME, '1.0.0', body)),
  });
}

async function blobCount(): Promise<number> {
  if (suiteBackend() === 'postgres') {
    let n = 0;
    for await (const _ of storage.blobs.list()) n++;
    return n;
  }
  const root = join(dataDir, 'blobs');
  return existsSync(root)
    ? readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length
    : 0;
}

describe('the home route limit at publish', () => {
  it("counts the entry and the tile's files, not the page's lazy chunk, and records the check", async () => {
    expect(gz(BODIES[HEAVY] as string)).toBeGreaterThan(HOME);
    await start(HOME);
    const res = await put(tarball());
    expect(res.statusCode).toBe(201);
    const version = await storage.packages.getVersion(NAME, '1.0.0');
    expect(version?.checks).toContainEqual({
      id: 'home-route',
      ok: true,
      detail: `home route ${HOME} of ${HOME} bytes gzip`,
    });
  });

  it('refuses a home route above the limit with REG_ERR_HOME_ROUTE_BUDGET and stores nothing', async () => {
    await start(HOME - 1);
    const res = await put(tarball());
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      ...errorBody(
        'REG_ERR_HOME_ROUTE_BUDGET',
        `the home route of ${NAME}@1.0.0 is ${HOME} bytes gzip (remoteEntry.js + ${TILE}), above the province limit of ${HOME - 1} bytes; load heavy code lazily on the module's own page`,
      ),
      message: `首页磁贴的代码压缩后 ${HOME} 字节（remoteEntry.js + ${TILE}），超过本省上限 ${HOME - 1} 字节；请把较大的依赖改为在模块自己的页面中按需加载`,
    });
    expect(await storage.packages.countVersions(NAME)).toBe(0);
    expect(await blobCount()).toBe(0);
  });

  it('recomputes from the bytes: a tile listing the heavy chunk is refused under the default limit', async () => {
    await start();
    const res = await put(tarball([TILE, HEAVY]));
    expect(res.json().code).toBe('REG_ERR_HOME_ROUTE_BUDGET');
    expect(await storage.packages.countVersions(NAME)).toBe(0);
  });
});
