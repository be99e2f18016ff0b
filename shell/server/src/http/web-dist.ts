/**
 * The shell web app's build (`shell/web/dist`): `index.html` with the `<!--cunmen:snapshot-->`
 * placeholder, and its assets, read into memory (with a gzip copy of text files) when first needed and
 * again whenever `index.html` changes. Only files found there are served, so no request path reaches
 * the file system. Content-hashed names are immutable for a year; other files revalidate by ETag.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const SNAPSHOT_PLACEHOLDER = '<!--cunmen:snapshot-->';

export interface WebFile {
  body: Buffer;
  gzip: Buffer | null;
  type: string;
  etag: string;
  immutable: boolean;
}

export interface WebBuild {
  index: string;
  indexEtag: string;
  files: Map<string, WebFile>;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

const COMPRESSIBLE = /^(text\/|application\/(json|manifest)|image\/svg)/;
/** `index.1a2b3c4d.js`, `chunk-1a2b3c4d.css`: a content hash of 8+ hex digits before the extension. */
const HASHED = /[.-][0-9a-f]{8,}\.[a-z0-9]+$/i;

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

export class WebDist {
  private build: WebBuild | null = null;
  private indexMtime = -1;

  constructor(readonly dir: string) {}

  /** The current build, or null when `index.html` is missing (the web app was not built). */
  load(): WebBuild | null {
    const indexPath = join(this.dir, 'index.html');
    let mtime: number;
    try {
      mtime = statSync(indexPath).mtimeMs;
    } catch {
      this.build = null;
      this.indexMtime = -1;
      return null;
    }
    if (this.build && mtime === this.indexMtime) return this.build;
    const files = new Map<string, WebFile>();
    for (const path of walk(this.dir)) {
      const rel = relative(this.dir, path).split(sep).join('/');
      if (rel === 'index.html') continue;
      const body = readFileSync(path);
      const type = TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
      const gzip = COMPRESSIBLE.test(type) && body.length > 1024 ? gzipSync(body, { level: 9 }) : null;
      files.set(rel, {
        body,
        gzip,
        type,
        etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`,
        immutable: HASHED.test(rel),
      });
    }
    const index = readFileSync(indexPath, 'utf8');
    this.build = {
      index,
      indexEtag: createHash('sha256').update(index).digest('base64url').slice(0, 16),
      files,
    };
    this.indexMtime = mtime;
    return this.build;
  }
}

/** JSON for a `<script type="application/json">` block: `<` (so `</script>` and `<!--`) and U+2028/9 escaped. */
export function scriptJson(json: string): string {
  return json
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The portal page: `index.html` with the snapshot inlined at the placeholder (or before `</head>`). */
export function injectSnapshot(index: string, snapshotJson: string): string {
  const block = `<script type="application/json" id="cunmen-snapshot">${scriptJson(snapshotJson)}</script>`;
  if (index.includes(SNAPSHOT_PLACEHOLDER)) return index.replace(SNAPSHOT_PLACEHOLDER, () => block);
  return index.replace(/<\/head>/i, () => `${block}</head>`);
}

/**
 * Answers one file of a build: `immutable` for a year when content-hashed, else `no-cache` with its
 * ETag (304 when it matches); the gzip copy when the client takes it.
 */
export function sendWebFile(request: FastifyRequest, reply: FastifyReply, file: WebFile): FastifyReply {
  reply
    .header('content-type', file.type)
    .header('etag', file.etag)
    .header('cache-control', file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
    .header('vary', 'Accept-Encoding');
  if (request.headers['if-none-match'] === file.etag) return reply.code(304).send();
  if (file.gzip && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
    return reply.header('content-encoding', 'gzip').send(file.gzip);
  }
  return reply.send(file.body);
}
