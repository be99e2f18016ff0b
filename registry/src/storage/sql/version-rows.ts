/** Rows of `versions` and `assets` ↔ the records the stores hand out (JSON columns parsed). */
import type { Insertable, Selectable } from 'kysely';
import type { AssetRecord, NewVersion, VersionRecord } from '../types.js';
import type { AssetsTable, VersionsTable } from './schema.js';

export function toAsset(row: Selectable<AssetsTable>): AssetRecord {
  return {
    path: row.path,
    blobSha256: row.blob_sha256,
    size: row.size,
    integrity: row.integrity,
    contentType: row.content_type,
  };
}

export function toVersion(row: Selectable<VersionsTable>): VersionRecord {
  return {
    id: row.id,
    name: row.package_name,
    version: row.version,
    kind: row.kind,
    status: row.status,
    packageJson: JSON.parse(row.package_json) as Record<string, unknown>,
    manifest: row.manifest === null ? null : (JSON.parse(row.manifest) as Record<string, unknown>),
    integrity: row.integrity,
    shasum: row.shasum,
    blobSha256: row.blob_sha256,
    tarballSize: row.tarball_size,
    unpackedSize: row.unpacked_size,
    files: JSON.parse(row.files),
    checks: JSON.parse(row.checks),
    requestedTag: row.requested_tag,
    publishedBy: row.published_by,
    publishedAt: row.published_at,
    reviewedBy: row.reviewed_by,
    reviewedAt: row.reviewed_at,
    reviewReason: row.review_reason,
    grantedCapabilities:
      row.granted_capabilities === null ? null : (JSON.parse(row.granted_capabilities) as string[]),
    signature: row.signature,
    deprecated: row.deprecated,
    yankedAt: row.yanked_at,
    yankReason: row.yank_reason,
    unpublishedAt: row.unpublished_at,
  };
}

/** The row a publish inserts: pending, or approved at once for a province library. */
export function newVersionRow(v: NewVersion, now: string): Insertable<VersionsTable> {
  return {
    package_name: v.name,
    version: v.version,
    kind: v.kind,
    status: v.autoApprove ? 'approved' : 'pending',
    package_json: JSON.stringify(v.packageJson),
    manifest: v.manifest === null ? null : JSON.stringify(v.manifest),
    integrity: v.integrity,
    shasum: v.shasum,
    blob_sha256: v.blobSha256,
    tarball_size: v.tarballSize,
    unpacked_size: v.unpackedSize,
    files: JSON.stringify(v.files),
    checks: JSON.stringify(v.checks),
    requested_tag: v.requestedTag,
    published_by: v.publishedBy,
    published_at: now,
    reviewed_by: v.autoApprove ? v.publishedBy : null,
    reviewed_at: v.autoApprove ? now : null,
    review_reason: v.autoApprove ? 'library published by the province' : null,
    granted_capabilities: null,
    signature: null,
    deprecated: null,
    yanked_at: null,
    yank_reason: null,
    unpublished_at: null,
  };
}
