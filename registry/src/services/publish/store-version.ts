/**
 * Publish step 6: the checks a reviewer reads, the blobs (content-addressed: the browser assets, then
 * the tarball), then the version row with its asset rows in one transaction. Blobs first, rows second:
 * a crash in between leaves orphan blobs, never a version without bytes.
 */
import type { BuiltManifest } from '@cunmen/manifest';
import type {
  AssetRecord,
  CheckResult,
  NewVersion,
  Storage,
  User,
  VersionRecord,
} from '../../storage/types.js';
import type { TarballContents } from '../tarball.js';
import type { Release } from './parse-upload.js';
import { versionExists } from './verify-tarball.js';

/** The automatic check results shown to the reviewer (every one passed, or the publish was refused). */
export function reviewChecks(
  manifest: BuiltManifest,
  scope: string,
  user: User,
  supportedSdk: string,
  previous: VersionRecord | null,
): CheckResult[] {
  return [
    { id: 'manifest', ok: true, detail: 'dist/cunmen.json is valid' },
    { id: 'scope', ok: true, detail: `${scope} belongs to county ${user.county}` },
    {
      id: 'integrity',
      ok: true,
      detail: `sha384 of ${manifest.assets.length} assets recomputed and matched`,
    },
    {
      id: 'size-budget',
      ok: true,
      detail: `${manifest.size.jsGzip} of ${manifest.budget.gzip} bytes gzip of JavaScript`,
    },
    { id: 'sdk', ok: true, detail: `SDK ${manifest.sdk} is within the supported ${supportedSdk}` },
    {
      id: 'exposes',
      ok: true,
      detail: `${Object.keys(manifest.exposes).length} exposes present in the remote`,
    },
    { id: 'capabilities', ok: true, detail: newCapabilities(manifest.capabilities, previous) },
  ];
}

function newCapabilities(requested: readonly string[], previous: VersionRecord | null): string {
  if (!previous)
    return `requests ${requested.length ? requested.join(', ') : 'no capabilities'} (first version)`;
  const before = new Set((previous.manifest?.capabilities as string[] | undefined) ?? []);
  const added = requested.filter((c) => !before.has(c));
  return added.length > 0
    ? `requests new capabilities since ${previous.version}: ${added.join(', ')}`
    : `no new capabilities since ${previous.version}`;
}

/** What every stored version records of the publish, whatever its kind. */
export function versionFields(release: Release, contents: TarballContents, user: User) {
  const { tarball, versionDoc } = release;
  // The tarball URL the client sent is dropped: readers get one built from the registry's public URL.
  const { dist: _sentDist, _id: _sentId, ...rest } = versionDoc;
  return {
    name: release.name,
    version: release.version,
    packageJson: { ...rest, dist: { integrity: tarball.integrity, shasum: tarball.shasum } },
    integrity: tarball.integrity,
    shasum: tarball.shasum,
    tarballSize: tarball.bytes.length,
    unpackedSize: contents.unpackedSize,
    files: contents.files.map((f) => ({
      path: f.path.replace(/^package\//, ''),
      size: f.size,
      integrity: f.integrity,
    })),
    requestedTag: release.tag,
    publishedBy: user.id,
  };
}

/** Stores the listed assets' bytes for browsers; their rows go in with the version's. */
export async function storeAssets(
  storage: Storage,
  manifest: BuiltManifest,
  contents: TarballContents,
): Promise<AssetRecord[]> {
  const assets: AssetRecord[] = [];
  for (const asset of manifest.assets) {
    const stored = await storage.blobs.put(contents.read.get(`package/dist/${asset.path}`) as Buffer);
    assets.push({
      path: asset.path,
      blobSha256: stored.sha256,
      size: stored.size,
      integrity: asset.integrity,
      contentType: asset.contentType,
    });
  }
  return assets;
}

/** Writes the tarball blob, then commits the row; a concurrent publish of the same version loses here. */
export async function commitVersion(
  storage: Storage,
  release: Release,
  version: Omit<NewVersion, 'blobSha256'>,
): Promise<void> {
  const blob = await storage.blobs.put(release.tarball.bytes);
  if (!(await storage.packages.insertVersion({ ...version, blobSha256: blob.sha256 }))) {
    throw versionExists(release.name, release.version);
  }
}
