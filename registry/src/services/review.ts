/**
 * Review and trust: what a province reviewer sees of a pending version, and the decisions. Approval
 * signs payload v2 (`signaturePayloadV2` of @cunmen/manifest: name, version, kind, title, remote name
 * and entry, asset hashes, granted capabilities and the signed view of the built manifest) with the
 * province key; the shell loads nothing without that signature. Every decision goes to the audit log.
 */
import {
  type Capability,
  isCapability,
  type LocalizedText,
  PROVINCE_SCOPE,
  scopeOf,
  signaturePayloadV2,
  signedManifest,
} from '@cunmen/manifest';
import { regError } from '../errors.js';
import type { Storage, VersionRecord } from '../storage/types.js';
import { type Actor, recordActivity, requireProvince } from './actor.js';
import { type ProvinceKeys, signPayload } from './keys.js';

/** `@scope/name@1.2.3` → name and version. */
export function parseSpec(spec: string): { name: string; version: string } {
  const at = spec.lastIndexOf('@');
  if (at <= 0 || at === spec.length - 1) {
    throw regError('REG_ERR_BAD_REQUEST', `"${spec}" is not <name>@<version>, e.g. @deqing/hello@1.0.0`);
  }
  return { name: spec.slice(0, at), version: spec.slice(at + 1) };
}

export async function mustGet(storage: Storage, name: string, version: string): Promise<VersionRecord> {
  const record = await storage.packages.getVersion(name, version);
  if (!record) throw regError('REG_ERR_NOT_FOUND', `${name}@${version} has not been published`);
  return record;
}

function requestedCapabilities(record: VersionRecord): string[] {
  return ((record.manifest?.capabilities as string[] | undefined) ?? []).slice();
}

export interface FileChange {
  path: string;
  size: number | null;
  previousSize: number | null;
  change: 'added' | 'removed' | 'changed' | 'same';
}

/** The files of a version against the previous approved one, by path and size. */
export function diffFiles(current: VersionRecord, previous: VersionRecord | null): FileChange[] {
  const before = new Map((previous?.files ?? []).map((f) => [f.path, f]));
  const out: FileChange[] = current.files.map((f) => {
    const old = before.get(f.path);
    before.delete(f.path);
    if (previous === null || old === undefined) {
      return { path: f.path, size: f.size, previousSize: null, change: 'added' as const };
    }
    const same = old.size === f.size && old.integrity === f.integrity;
    return { path: f.path, size: f.size, previousSize: old.size, change: same ? 'same' : 'changed' };
  });
  for (const [path, f] of before) out.push({ path, size: null, previousSize: f.size, change: 'removed' });
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Everything a reviewer needs to decide on one version. */
export async function inspectRelease(storage: Storage, name: string, version: string) {
  const record = await mustGet(storage, name, version);
  const approved = await storage.packages.listVersions(name, 'approved');
  const previous = approved.filter((v) => v.id < record.id).at(-1) ?? null;
  const publisher = await storage.accounts.findUserById(record.publishedBy);
  const requested = requestedCapabilities(record);
  const before = new Set(previous ? requestedCapabilities(previous) : []);
  const manifest = record.manifest;
  return {
    name,
    version,
    kind: record.kind,
    status: record.status,
    publishedBy: publisher?.name ?? null,
    publishedAt: record.publishedAt,
    reviewedAt: record.reviewedAt,
    reviewReason: record.reviewReason,
    previousVersion: previous?.version ?? null,
    manifest,
    capabilities: {
      requested,
      added: requested.filter((c) => !before.has(c)),
      removed: [...before].filter((c) => !requested.includes(c)),
      granted: record.grantedCapabilities,
    },
    sizes: {
      tarball: record.tarballSize,
      unpacked: record.unpackedSize,
      jsGzip: (manifest?.size as { jsGzip?: number } | undefined)?.jsGzip ?? null,
      totalGzip: (manifest?.size as { totalGzip?: number } | undefined)?.totalGzip ?? null,
      budgetGzip: (manifest?.budget as { gzip?: number } | undefined)?.gzip ?? null,
      previousTarball: previous?.tarballSize ?? null,
    },
    files: diffFiles(record, previous),
    checks: record.checks,
  };
}

export async function listPendingReleases(storage: Storage) {
  const pending = await storage.packages.listPending();
  return Promise.all(
    pending.map(async (v) => ({
      name: v.name,
      version: v.version,
      kind: v.kind,
      publishedBy: (await storage.accounts.findUserById(v.publishedBy))?.name ?? null,
      publishedAt: v.publishedAt,
      tarballSize: v.tarballSize,
      capabilities: requestedCapabilities(v),
    })),
  );
}

/**
 * The exact bytes the province signs for a version, given the capabilities it grants: payload v2 over
 * the stored built manifest, the same fields the release document (./release.ts) hands the shell.
 */
export function releasePayload(record: VersionRecord, granted: readonly string[]): string {
  const manifest = (record.manifest ?? {}) as Record<string, unknown>;
  const assets = Object.fromEntries(
    ((manifest.assets as { path: string; integrity: string }[] | undefined) ?? []).map((a) => [
      a.path,
      a.integrity,
    ]),
  );
  const remote = (manifest.remote ?? {}) as { name?: string; entry?: string };
  return signaturePayloadV2({
    name: record.name,
    version: record.version,
    kind: record.kind,
    title: manifest.title as LocalizedText,
    remote: { name: String(remote.name ?? ''), entry: String(remote.entry ?? '') },
    assets,
    capabilities: granted as Capability[],
    manifest: signedManifest(manifest),
  });
}

export interface ApproveInput {
  name: string;
  version: string;
  /** The capabilities granted; default every one requested. Must be a subset of those requested. */
  grant?: string[];
}

export async function approveRelease(
  storage: Storage,
  keys: ProvinceKeys,
  actor: Actor,
  input: ApproveInput,
) {
  requireProvince(actor, 'approve a version');
  const record = await mustGet(storage, input.name, input.version);
  if (record.status !== 'pending') {
    throw regError(
      'REG_ERR_NOT_PENDING',
      `${input.name}@${input.version} is ${record.status}, not pending review`,
    );
  }
  const requested = requestedCapabilities(record);
  const granted = input.grant ?? requested;
  for (const c of granted) {
    if (!isCapability(c)) throw regError('REG_ERR_BAD_REQUEST', `"${c}" is not a known capability`);
    if (!requested.includes(c)) {
      throw regError(
        'REG_ERR_BAD_REQUEST',
        `cannot grant "${c}": ${input.name}@${input.version} requests only ${requested.join(', ') || 'no capabilities'}`,
      );
    }
  }
  const uniqueGranted = [...new Set(granted)].sort();
  const signature = signPayload(keys, releasePayload(record, uniqueGranted));
  const outcome = await storage.packages.approveVersion(input.name, input.version, {
    reviewerId: actor.user?.id ?? null,
    grantedCapabilities: uniqueGranted,
    signature,
  });
  if (outcome !== 'approved') {
    throw regError('REG_ERR_NOT_PENDING', `${input.name}@${input.version} is no longer pending review`);
  }
  if (record.kind === 'standard' && scopeOf(input.name) === PROVINCE_SCOPE) {
    await storage.packages.setStandard(input.name, true);
  }
  await recordActivity(storage, actor, {
    action: 'version.approve',
    subject: `${input.name}@${input.version}`,
    detail: { granted: uniqueGranted, keyId: keys.keyId },
    reindex: input.name,
  });
  return {
    name: input.name,
    version: input.version,
    status: 'approved' as const,
    granted: uniqueGranted,
    signature,
    keyId: keys.keyId,
  };
}

export async function rejectRelease(
  storage: Storage,
  actor: Actor,
  name: string,
  version: string,
  reason: string,
) {
  requireProvince(actor, 'reject a version');
  const trimmed = reason.trim();
  if (trimmed.length === 0)
    throw regError('REG_ERR_BAD_REQUEST', 'a rejection needs a reason for the publisher');
  if (trimmed.length > 2000)
    throw regError('REG_ERR_BAD_REQUEST', 'the reason is longer than 2000 characters');
  const record = await mustGet(storage, name, version);
  if (record.status !== 'pending') {
    throw regError('REG_ERR_NOT_PENDING', `${name}@${version} is ${record.status}, not pending review`);
  }
  if ((await storage.packages.rejectVersion(name, version, actor.user?.id ?? null, trimmed)) !== 'rejected') {
    throw regError('REG_ERR_NOT_PENDING', `${name}@${version} is no longer pending review`);
  }
  // A pending version was never in the catalog, so there is nothing to reindex.
  await recordActivity(storage, actor, {
    action: 'version.reject',
    subject: `${name}@${version}`,
    detail: { reason: trimmed },
  });
  return { name, version, status: 'rejected' as const, reason: trimmed };
}
