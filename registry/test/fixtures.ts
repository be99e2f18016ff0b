/**
 * Registry test fixtures: a valid built manifest and the widget tarball around it (written with the tar
 * writer of `@cunmen/test-utils`, so tests can add hostile entries), and a publish through the app as
 * npm sends it.
 */
import { makeTarball, publishDocument, publishPath, sri, type TarEntry } from '@cunmen/test-utils';

/** The built assets every fixture widget ships under dist/, and their SRI hashes. */
export const ASSET_BODIES: Record<string, string> = {
  'remoteEntry.js': 'export const get = () => null;\n',
  'mf-manifest.json': '{"id":"deqing_find_machinery","exposes":[{"name":"Tile","path":"./Tile"}]}\n',
};

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

interface InjectedResponse {
  statusCode: number;
  body: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON the route answered
  json: () => any;
}

export interface WidgetSpec {
  /** Fields of dist/cunmen.json to replace. */
  manifest?: Record<string, unknown>;
  /** Extra fields of the version document (package.json): keywords, description, changelog … */
  packageJson?: Record<string, unknown>;
  extraEntries?: TarEntry[];
}

/** The tarball of a fixture widget built as `cunmen build` would, with the spec's changes. */
export function widgetTarball(name: string, version: string, spec: WidgetSpec = {}): Buffer {
  const manifest = builtManifest(name, version, spec.manifest ?? {});
  return makeTarball([...widgetEntries(name, version, manifest), ...(spec.extraEntries ?? [])]);
}

/** Publishes a fixture widget version through the app, as npm would; returns the response. */
export async function injectPublish(
  app: { inject: (opts: Record<string, unknown>) => Promise<InjectedResponse> },
  token: string,
  name: string,
  version: string,
  options: WidgetSpec = {},
) {
  const tarball = widgetTarball(name, version, options);
  return app.inject({
    method: 'PUT',
    url: publishPath(name),
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    payload: JSON.stringify(publishDocument(name, version, tarball, { packageJson: options.packageJson })),
  });
}

/** A widget spec whose build lists extra files, each declared with `declaredType` (which the registry ignores). */
export function withExtraAssets(
  name: string,
  version: string,
  extra: Record<string, string>,
  declaredType = 'text/html; charset=utf-8',
): WidgetSpec {
  const assets = [
    ...builtManifest(name, version).assets,
    ...Object.entries(extra).map(([path, body]) => ({
      path,
      size: body.length,
      gzip: body.length,
      integrity: sri(body),
      contentType: declaredType,
    })),
  ];
  return {
    manifest: { assets },
    extraEntries: Object.entries(extra).map(([path, body]) => ({ path: `package/dist/${path}`, body })),
  };
}
