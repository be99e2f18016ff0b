/**
 * Unpublish, as npm 11 does it, and deprecation through the packument. A version can be unpublished only
 * within 72 hours of its publish and only while no village portal uses it; its row stays (status
 * `unpublished`), so the number can never be published again and the audit trail keeps its bytes.
 */
import semver from 'semver';
import { regError } from '../errors.js';
import type { Storage, VersionRecord } from '../storage/types.js';
import { type Actor, deprecateRelease, requireOwnerOrProvince } from './review.js';

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
    await storage.meta.markUnpublished(v.name, v.version);
    await storage.audit.append({
      actor: actor.user?.name ?? 'operator',
      action: 'version.unpublish',
      subject: `${v.name}@${v.version}`,
      ip: actor.ip,
    });
  }
  const name = versions[0]?.name;
  if (!name) return;
  // npm moves `latest` to the highest remaining version; the registry does the same for its own tags.
  const tags = await storage.meta.getDistTags(name);
  if (!tags.latest) {
    const remaining = (await storage.meta.listVersions(name, 'approved')).map((v) => v.version);
    const highest = remaining.sort(semver.compare).at(-1);
    if (highest) await storage.meta.setDistTag(name, 'latest', highest);
  }
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
  const live = (await storage.meta.listVersions(name)).filter((v) => v.status !== 'unpublished');
  if (live.length === 0) throw regError('REG_ERR_NOT_FOUND', `package ${name} not found`);
  await unpublishVersions(storage, actor, live);
}

const packumentUpdateSchemaKeys = ['versions'] as const;

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
  const doc = body as Record<string, unknown> | null;
  if (doc === null || typeof doc !== 'object' || typeof doc.versions !== 'object' || doc.versions === null) {
    throw regError('REG_ERR_BAD_REQUEST', `a package update needs ${packumentUpdateSchemaKeys.join(', ')}`);
  }
  if (doc.name !== undefined && doc.name !== name) {
    throw regError(
      'REG_ERR_NAME_MISMATCH',
      `the document names "${String(doc.name)}" but the URL names "${name}"`,
    );
  }
  const sent = doc.versions as Record<string, { deprecated?: unknown } | null>;
  const served = await storage.meta.listVersions(name, 'approved');
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
    const message = entry.deprecated === undefined ? '' : entry.deprecated;
    if (typeof message !== 'string') {
      throw regError('REG_ERR_BAD_REQUEST', `versions.${v.version}.deprecated must be a string`);
    }
    if (message !== (servedDeprecation(v) ?? '')) deprecations.push({ version: v.version, message });
  }
  const now = Date.now();
  for (const v of removed) await checkUnpublishable(storage, actor, v, now);
  if (deprecations.length > 0) requireOwnerOrProvince(actor, name, 'deprecate');
  for (const d of deprecations) await deprecateRelease(storage, actor, name, d.version, d.message);
  if (removed.length > 0) await applyUnpublish(storage, actor, removed);
}
