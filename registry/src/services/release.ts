/**
 * The release document (`ReleaseDocument` of @cunmen/manifest) the shell reads to assemble a portal
 * snapshot: the asset URLs (content-hashed, under the tarball's sha256), each asset's SRI, the granted
 * capabilities, the province signature and the deprecation and yank state. Every field the shell acts
 * on except `assetBase`, `deprecated` and `yanked` is covered by the signature (payload v2, made from
 * the same stored manifest by `releasePayload` of ./review.ts): the shell rebuilds the payload from
 * this document with `releaseDocumentPayloadV2` and refuses the release when any field differs.
 */
import type { BuiltManifest, Capability, ReleaseDocument } from '@cunmen/manifest';
import { regError } from '../errors.js';
import type { Storage, VersionRecord } from '../storage/types.js';

export function assetBase(publicUrl: string, record: VersionRecord): string {
  return `${publicUrl}/-/assets/${record.blobSha256}/`;
}

export async function signedRelease(
  storage: Storage,
  publicUrl: string,
  keyId: string,
  name: string,
  version: string,
): Promise<ReleaseDocument> {
  const record = await storage.packages.getVersion(name, version);
  if (record?.status !== 'approved' || record.kind === 'library' || !record.manifest || !record.signature) {
    throw regError('REG_ERR_NOT_FOUND', `no approved release ${name}@${version}`);
  }
  // Checked against builtManifestSchema at publish, and versions are immutable.
  const manifest = record.manifest as BuiltManifest;
  const pkg = await storage.packages.getPackage(name);
  const base = assetBase(publicUrl, record);
  const assets = Object.fromEntries(manifest.assets.map((a) => [a.path, a.integrity]));
  return {
    name,
    version,
    kind: record.kind,
    standard: pkg?.standard ?? false,
    title: manifest.title,
    assetBase: base,
    remote: {
      name: manifest.remote.name,
      entry: `${base}${manifest.remote.entry}`,
      entryIntegrity: assets[manifest.remote.entry] as string,
      manifest: `${base}${manifest.remote.manifest}`,
    },
    assets,
    // Granted at approval from the capabilities the manifest requested, so each is a known one.
    capabilities: (record.grantedCapabilities ?? []) as Capability[],
    signature: record.signature,
    keyId,
    deprecated: record.deprecated,
    yanked: record.yankedAt ? { at: record.yankedAt, reason: record.yankReason } : null,
    manifest,
  };
}
