/**
 * Test fixtures: a minimal ustar writer (so tests can build tarballs with hostile entries that real
 * tools refuse to make), a valid built manifest, and npm's publish document around a tarball.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

export interface TarEntry {
  path: string;
  /** '0' file, '1' hard link, '2' symlink, '3' char device, '5' directory */
  type?: '0' | '1' | '2' | '3' | '5';
  body?: string | Buffer;
  linkpath?: string;
}

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

function header(entry: TarEntry, size: number): Buffer {
  const h = Buffer.alloc(512);
  h.write(entry.path, 0, 100, 'utf8');
  h.write(octal(entry.type === '5' ? 0o755 : 0o644, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  h.write(octal(size, 12), 124, 'ascii');
  h.write(octal(1_700_000_000, 12), 136, 'ascii');
  h.write('        ', 148, 'ascii');
  h.write(entry.type ?? '0', 156, 'ascii');
  if (entry.linkpath) h.write(entry.linkpath, 157, 100, 'utf8');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return h;
}

export function makeTarball(entries: TarEntry[]): Buffer {
  const blocks: Buffer[] = [];
  for (const entry of entries) {
    const body = Buffer.from(entry.body ?? '');
    const size = entry.type === undefined || entry.type === '0' ? body.length : 0;
    blocks.push(header(entry, size));
    if (size > 0) {
      blocks.push(body, Buffer.alloc((512 - (size % 512)) % 512));
    }
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}

/** The built assets every fixture widget ships under dist/, and their SRI hashes. */
export const ASSET_BODIES: Record<string, string> = {
  'remoteEntry.js': 'export const get = () => null;\n',
  'mf-manifest.json': '{"id":"deqing_find_machinery","exposes":[{"name":"Tile","path":"./Tile"}]}\n',
};

export function sri(body: string | Buffer): string {
  return `sha384-${createHash('sha384').update(body).digest('base64')}`;
}

export function builtManifest(
  name = '@deqing/find-machinery',
  version = '1.0.0',
  overrides: Record<string, unknown> = {},
) {
  return {
    kind: 'widget',
    county: '330521',
    title: { 'zh-CN': '找农机' },
    description: { 'zh-CN': '查找本村农机手' },
    category: 'agriculture',
    sdk: '^0.1.0',
    exposes: { './Tile': './src/tile/index.tsx' },
    contributes: [{ slot: 'village.home.tile/v1', expose: './Tile' }],
    capabilities: ['store.read'],
    manifestVersion: 1,
    name,
    version,
    budget: { gzip: 4096 },
    remote: { name: 'deqing_find_machinery', entry: 'remoteEntry.js', manifest: 'mf-manifest.json' },
    shared: { react: '^19.0.0' },
    configSchema: null,
    configDefaults: null,
    assets: [
      {
        path: 'remoteEntry.js',
        size: 4000,
        gzip: 1500,
        integrity: sri(ASSET_BODIES['remoteEntry.js'] as string),
        contentType: 'text/javascript',
      },
      {
        path: 'mf-manifest.json',
        size: 900,
        gzip: 400,
        integrity: sri(ASSET_BODIES['mf-manifest.json'] as string),
        contentType: 'application/json',
      },
    ],
    size: { jsGzip: 1500, totalGzip: 1900, total: 4900 },
    builtWith: { '@cunmen/build': '0.1.0' },
    ...overrides,
  };
}

/** The entries of a well-formed widget tarball, for tests to extend or alter. */
export function widgetEntries(
  name = '@deqing/find-machinery',
  version = '1.0.0',
  manifest?: unknown,
): TarEntry[] {
  return [
    { path: 'package/package.json', body: JSON.stringify({ name, version }) },
    { path: 'package/dist/cunmen.json', body: JSON.stringify(manifest ?? builtManifest(name, version)) },
    ...Object.entries(ASSET_BODIES).map(([path, body]) => ({ path: `package/dist/${path}`, body })),
  ];
}

export function integrityOf(tarball: Buffer): { integrity: string; shasum: string } {
  return {
    integrity: `sha512-${createHash('sha512').update(tarball).digest('base64')}`,
    shasum: createHash('sha1').update(tarball).digest('hex'),
  };
}

/** npm 11's publish body for one version. */
export function publishDoc(
  name: string,
  version: string,
  tarball: Buffer,
  dist: Partial<{ integrity: string; shasum: string }> = {},
): Record<string, unknown> {
  const base = name.split('/')[1] ?? name;
  return {
    _id: name,
    name,
    description: '',
    'dist-tags': { latest: version },
    versions: {
      [version]: {
        name,
        version,
        _id: `${name}@${version}`,
        dist: {
          ...integrityOf(tarball),
          tarball: `http://evil.example/${name}/-/${base}-${version}.tgz`,
          ...dist,
        },
      },
    },
    access: null,
    _attachments: {
      [`${name}-${version}.tgz`]: {
        content_type: 'application/octet-stream',
        data: tarball.toString('base64'),
        length: tarball.length,
      },
    },
  };
}

interface InjectedResponse {
  statusCode: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON the route answered
  json: () => any;
}

export interface PublishOptions {
  manifest?: Record<string, unknown>;
  extraEntries?: TarEntry[];
}

/** Publishes a fixture widget version through the app, as npm would; returns the response. */
export async function injectPublish(
  app: { inject: (opts: Record<string, unknown>) => Promise<InjectedResponse> },
  token: string,
  name: string,
  version: string,
  options: PublishOptions = {},
) {
  const manifest = builtManifest(name, version, options.manifest ?? {});
  const tarball = makeTarball([...widgetEntries(name, version, manifest), ...(options.extraEntries ?? [])]);
  return app.inject({
    method: 'PUT',
    url: `/${name.replace('/', '%2f')}`,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    payload: JSON.stringify(publishDoc(name, version, tarball)),
  });
}
