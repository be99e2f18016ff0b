/**
 * The packument (package document) npm and pnpm read to resolve and install: only approved versions,
 * tarball URLs built from the configured public URL (never from the request's Host header).
 */
import { createHash } from 'node:crypto';
import type { Storage } from '../storage/types.js';
import { servedDeprecation } from './unpublish.js';

export function tarballUrl(publicUrl: string, name: string, version: string): string {
  const base = name.includes('/') ? name.slice(name.indexOf('/') + 1) : name;
  return `${publicUrl.replace(/\/+$/, '')}/${name}/-/${base}-${version}.tgz`;
}

export async function buildPackument(
  storage: Storage,
  publicUrl: string,
  name: string,
): Promise<Record<string, unknown> | null> {
  const approved = await storage.packages.listVersions(name, 'approved');
  if (approved.length === 0) return null;
  const versions: Record<string, unknown> = {};
  const time: Record<string, string> = {};
  for (const v of approved) {
    const dist = (v.packageJson.dist ?? {}) as Record<string, unknown>;
    const deprecated = servedDeprecation(v);
    versions[v.version] = {
      ...v.packageJson,
      ...(deprecated === undefined ? {} : { deprecated }),
      _id: `${name}@${v.version}`,
      dist: {
        ...dist,
        integrity: v.integrity,
        shasum: v.shasum,
        tarball: tarballUrl(publicUrl, name, v.version),
      },
    };
    time[v.version] = v.publishedAt;
  }
  const approvedSet = new Set(approved.map((v) => v.version));
  const distTags = Object.fromEntries(
    Object.entries(await storage.packages.getDistTags(name)).filter(([, v]) => approvedSet.has(v)),
  );
  const first = approved[0];
  const last = approved[approved.length - 1];
  // A revision that changes whenever what readers see changes (npm sends it back on writes).
  const rev = createHash('sha256')
    .update(
      JSON.stringify([Object.keys(versions), distTags, approved.map((v) => servedDeprecation(v) ?? '')]),
    )
    .digest('hex')
    .slice(0, 32);
  return {
    _id: name,
    _rev: `${approved.length}-${rev}`,
    name,
    'dist-tags': distTags,
    versions,
    time: { created: first?.publishedAt, modified: last?.reviewedAt ?? last?.publishedAt, ...time },
  };
}

/** The fields npm's abbreviated ("corgi") packument keeps for each version. */
const ABBREVIATED_FIELDS = [
  'name',
  'version',
  'dependencies',
  'optionalDependencies',
  'peerDependencies',
  'peerDependenciesMeta',
  'bundleDependencies',
  'bin',
  'directories',
  'engines',
  'os',
  'cpu',
  'libc',
  'acceptDependencies',
  'deprecated',
  'dist',
  '_hasShrinkwrap',
  'hasInstallScript',
] as const;

/** `application/vnd.npm.install-v1+json`: what installers need, nothing more. */
export function abbreviate(packument: Record<string, unknown>): Record<string, unknown> {
  const versions = (packument.versions ?? {}) as Record<string, Record<string, unknown>>;
  const time = (packument.time ?? {}) as Record<string, string>;
  const short: Record<string, unknown> = {};
  for (const [version, doc] of Object.entries(versions)) {
    short[version] = Object.fromEntries(
      ABBREVIATED_FIELDS.filter((f) => doc[f] !== undefined).map((f) => [f, doc[f]]),
    );
  }
  return {
    name: packument.name,
    modified: time.modified,
    'dist-tags': packument['dist-tags'],
    versions: short,
  };
}
