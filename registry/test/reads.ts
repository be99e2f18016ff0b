/** What a client reads from a registry, byte for byte: two registries holding the same data answer alike. */
import { createHash } from 'node:crypto';

export interface Fetched {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export async function get(url: string, headers: Record<string, string> = {}): Promise<Fetched> {
  const res = await fetch(url, { headers });
  const kept: Record<string, string> = {};
  for (const h of ['content-type', 'etag', 'cache-control', 'content-length', 'vary']) {
    const v = res.headers.get(h);
    if (v !== null) kept[h] = v;
  }
  return { status: res.status, headers: kept, body: Buffer.from(await res.arrayBuffer()) };
}

/** The reads a client makes of `name` (published as `tarballs`), keyed by a label. */
export async function readsOf(
  base: string,
  name: string,
  tarballs: ReadonlyMap<string, Buffer>,
): Promise<Record<string, Fetched>> {
  const out: Record<string, Fetched> = {};
  const encoded = name.replace('/', '%2f');
  const file = name.split('/')[1];
  out.packument = await get(`${base}/${encoded}`);
  out.abbreviated = await get(`${base}/${encoded}`, { accept: 'application/vnd.npm.install-v1+json' });
  out.packumentByPath = await get(`${base}/${name}`);
  for (const [version, bytes] of tarballs) {
    out[`tarball ${version}`] = await get(`${base}/${name}/-/${file}-${version}.tgz`);
    const digest = createHash('sha256').update(bytes).digest('hex');
    out[`asset ${version}`] = await get(`${base}/-/assets/${digest}/remoteEntry.js`);
    out[`release ${version}`] = await get(`${base}/-/cunmen/v1/releases/${name}/${version}`);
  }
  out.distTags = await get(`${base}/-/package/${encoded}/dist-tags`);
  return out;
}
