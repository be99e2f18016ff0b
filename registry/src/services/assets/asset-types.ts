/**
 * What the registry serves a browser asset as. The type comes from the file's extension and this list,
 * never from the `contentType` the publisher wrote into `dist/cunmen.json`: a county could otherwise
 * declare `text/html` on any file and have it render on a registry origin. Types a widget needs (scripts,
 * styles, JSON, images, fonts) are served inline; anything else is a download that never renders; a
 * document type (HTML, XML) is refused at publish, because no widget needs one and a reviewer should
 * not have to notice it.
 */
import { regError } from '../../errors.js';

export interface AssetDelivery {
  contentType: string;
  /** `attachment` for every type not on the list: the browser saves it instead of rendering it. */
  disposition: 'inline' | 'attachment';
  /** SVG can run script when opened as a document; `CSP: sandbox` takes that away (as an `<img>` it still draws). */
  sandbox: boolean;
}

const INLINE: Readonly<Record<string, string>> = {
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  cjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  map: 'application/json; charset=utf-8',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  ico: 'image/x-icon',
  svg: 'image/svg+xml',
  woff: 'font/woff',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
  otf: 'font/otf',
};

/** Types a browser renders as a page with script: never stored as an asset. */
const DOCUMENTS = new Set([
  'html',
  'htm',
  'xhtml',
  'xht',
  'shtml',
  'xml',
  'xsl',
  'xslt',
  'mht',
  'mhtml',
  'svgz',
]);

function extensionOf(path: string): string {
  const file = path.slice(path.lastIndexOf('/') + 1);
  const dot = file.lastIndexOf('.');
  return dot > 0 ? file.slice(dot + 1).toLowerCase() : '';
}

/** How an asset at `path` is served; the same answer for every request of the path. */
export function assetDelivery(path: string): AssetDelivery {
  const ext = extensionOf(path);
  const type = INLINE[ext];
  if (type === undefined) {
    return { contentType: 'application/octet-stream', disposition: 'attachment', sandbox: true };
  }
  return { contentType: type, disposition: 'inline', sandbox: ext === 'svg' };
}

/** Publish refuses a document asset (HTML, XML …) with `REG_ERR_ASSET_TYPE`, naming the file. */
export function refuseDocumentAsset(path: string): void {
  if (DOCUMENTS.has(extensionOf(path))) {
    throw regError(
      'REG_ERR_ASSET_TYPE',
      `dist/${path} is a document (.${extensionOf(path)}); the registry serves scripts, styles, JSON, images and fonts, never pages`,
      { field: 'assets' },
    );
  }
}
