/**
 * Unpublish, as npm 11 does it, and deprecation through the packument. A version can be unpublished only
 * within 72 hours of its publish and only while no village portal uses it; its row stays (status
 * `unpublished`), so the number can never be published again and the audit trail keeps its bytes.
 */
import { parseWith } from '@cunmen/errors';
import semver from 'semver';
import { z } from 'zod';
import { regError, registryErrors } from '../errors.js';
import type { Storage, VersionRecord } from '../storage/types.js';
import { type Actor, recordActivity, requireOwnerOrProvince } from './actor.js';
import { deprecateRelease } from './lifecycle.js';

export const UNPUBLISH_WINDOW_MS = 72 * 60 * 60 * 1000;

/** What the packument shows as a version's `deprecated`: its message, or the yank reason. */
export function servedDeprecation(v: VersionRecord): string | undefined {
  if (v.deprecated) return v.deprecated;
  if (v.yankedAt) return `yanked: ${v.yankReason ?? ''}`.trim();
  return undefined;
}

async function checkUnpublishable(
  storage: Storage,
  actor: Actor,
  v: VersionRecord,
  now: number,
): Promise<void> {
  requireOwnerOrProvince(actor, v.name, 'unpublish');
  const age = now - Date.parse(v.publishedAt);
  if (age > UNPUBLISH_WINDOW_MS) {
    throw regError(
      'REG_ERR_UNPUBLISH_WINDOW',
      `${v.name}@${v.version} was published at ${v.publishedAt}, more than 72 hours ago; deprecate or yank it instead`,
    );
  }
  const users = await storage.catalog.usage(v.name);
  const use = users.find((u) => u.version === v.version);
  if (use && use.villages > 0) {
    throw regError(
      'REG_ERR_IN_USE',
      `${v.name}@${v.version} is used by ${use.villages} village portal(s) in ${use.counties} county(ies); deprecate or yank it instead`,
    );
  }
}

async function applyUnpublish(storage: Storage, actor: Actor, versions: VersionRecord[]): Promise<void> {
  for (const v of versions) {
    await storage.packages.markUnpublished(v.name, v.version);
    await recordActivity(storage, actor, { action: 'version.unpublish', subject: `${v.name}@${v.version}` });
  }
  const name = versions[0]?.name;
  if (!name) return;
  // npm moves `latest` to the highest remaining version; the registry does the same for its own tags.
  const tags = await storage.packages.getDistTags(name);
  if (!tags.latest) {
    const remaining = (await storage.packages.listVersions(name, 'approved')).map((v) => v.version);
    const highest = remaining.sort(semver.compare).at(-1);
    if (highest) await storage.packages.setDistTag(name, 'latest', highest);
  }
  // Once, after every version and tag changed: the entry reflects the package as it is now.
  await storage.catalog.reindex(name);
}

/** Every check first, then every change: a refused unpublish changes nothing. */
export async function unpublishVersions(
  storage: Storage,
  actor: Actor,
  versions: VersionRecord[],
): Promise<void> {
  const now = Date.now();
  for (const v of versions) await checkUnpublishable(storage, actor, v, now);
  await applyUnpublish(storage, actor, versions);
}

/** `DELETE /<pkg>/-rev/<rev>`: npm unpublishing a package's every (or only) version. */
export async function unpublishPackage(storage: Storage, actor: Actor, name: string): Promise<void> {
  const live = (await storage.packages.listVersions(name)).filter((v) => v.status !== 'unpublished');
  if (live.length === 0) throw regError('REG_ERR_NOT_FOUND', `package ${name} not found`);
  await unpublishVersions(storage, actor, live);
}

/** What the registry reads of a packument written back; everything else in it is ignored. */
const packumentUpdateSchema = z.looseObject(
  {
    name: z.unknown().optional(),
    versions: z.record(
      z.string(),
      z.looseObject({ deprecated: z.string({ error: 'expected a string' }).optional() }).nullable(),
      { error: 'a package update needs versions' },
    ),
  },
  { error: 'a package update is a JSON object with versions' },
);

/**
 * `PUT /<pkg>` without attachments (npm deprecate) or `PUT /<pkg>/-rev/<rev>` (npm unpublish of one
 * version): the client sends back the packument it read with versions removed or `deprecated` changed.
 * Anything else in it is ignored; a version it names that the registry does not serve is refused.
 */
export async function updateFromPackument(
  storage: Storage,
  actor: Actor,
  name: string,
  body: unknown,
): Promise<void> {
  const doc = parseWith(packumentUpdateSchema, body, registryErrors, 'REG_ERR_BAD_REQUEST');
  if (doc.name !== undefined && doc.name !== name) {
    throw regError(
      'REG_ERR_NAME_MISMATCH',
      `the document names "${String(doc.name)}" but the URL names "${name}"`,
    );
  }
  const sent = doc.versions;
  const served = await storage.packages.listVersions(name, 'approved');
  if (served.length === 0) throw regError('REG_ERR_NOT_FOUND', `package ${name} not found`);
  const servedByVersion = new Map(served.map((v) => [v.version, v]));
  for (const version of Object.keys(sent)) {
    if (!servedByVersion.has(version)) {
      throw regError('REG_ERR_NOT_FOUND', `${name}@${version} is not an approved version of ${name}`);
    }
  }
  const removed = served.filter((v) => !(v.version in sent));
  const deprecations: { version: string; message: string }[] = [];
  for (const v of served) {
    const entry = sent[v.version];
    if (!entry) continue;
    const message = entry.deprecated ?? '';
    if (message !== (servedDeprecation(v) ?? '')) deprecations.push({ version: v.version, message });
  }
  const now = Date.now();
  for (const v of removed) await checkUnpublishable(storage, actor, v, now);
  if (deprecations.length > 0) requireOwnerOrProvince(actor, name, 'deprecate');
  for (const d of deprecations) await deprecateRelease(storage, actor, name, d.version, d.message);
  if (removed.length > 0) await applyUnpublish(storage, actor, removed);
}

/**
 * `DELETE /<pkg>/-/<file>.tgz/-rev/<rev>`: npm's second request of `npm unpublish <pkg>@<v>`. The
 * version was unpublished by the first; its bytes stay in the blob store for the audit trail and the
 * registry never serves them again, so this only confirms.
 */
export async function confirmTarballRemoval(storage: Storage, name: string, file: string): Promise<void> {
  const base = name.slice(name.indexOf('/') + 1);
  const prefix = `${base}-`;
  const version = file.startsWith(prefix) && file.endsWith('.tgz') ? file.slice(prefix.length, -4) : '';
  const record = await storage.packages.getVersion(name, version);
  if (!record) throw regError('REG_ERR_NOT_FOUND', `tarball ${name}/-/${file} not found`);
  if (record.status !== 'unpublished') {
    throw regError(
      'REG_ERR_BAD_REQUEST',
      `${name}@${version} is still published; unpublish the version first`,
    );
  }
}
