/**
 * Publish step 4: the bytes are the ones the document describes (length, sha512, sha1) and a safe
 * tarball. The asset files are read too, so their bytes can be stored for browsers.
 */
import { regError } from '../../errors.js';
import type { Storage } from '../../storage/types.js';
import { inspectTarball, type TarballContents, type TarballLimits } from '../tarball.js';
import type { Release } from './parse-upload.js';

export const MANIFEST_PATH = 'package/dist/cunmen.json';
const PACKAGE_JSON_PATH = 'package/package.json';

export function versionExists(name: string, version: string) {
  return regError('REG_ERR_VERSION_EXISTS', `cannot publish over existing version ${name}@${version}`, {
    field: 'version',
  });
}

/** Versions are immutable, also after unpublish or rejection: a number is published once. */
export async function refuseExisting(storage: Storage, release: Release): Promise<void> {
  if (await storage.packages.getVersion(release.name, release.version)) {
    throw versionExists(release.name, release.version);
  }
}

export async function verifyTarball(release: Release, limits: TarballLimits): Promise<TarballContents> {
  const { tarball, versionDoc, declaredLength } = release;
  if (declaredLength !== undefined && declaredLength !== tarball.bytes.length) {
    throw regError(
      'REG_ERR_BAD_PUBLISH',
      `the attachment is ${tarball.bytes.length} bytes but its length field says ${declaredLength}`,
    );
  }
  if (versionDoc.dist.integrity !== tarball.integrity) {
    throw regError(
      'REG_ERR_INTEGRITY_MISMATCH',
      `the tarball's integrity is ${tarball.integrity} but dist.integrity says ${versionDoc.dist.integrity}`,
      { field: 'dist.integrity' },
    );
  }
  if (versionDoc.dist.shasum !== tarball.shasum) {
    throw regError(
      'REG_ERR_SHASUM_MISMATCH',
      `the tarball's sha1 is ${tarball.shasum} but dist.shasum says ${versionDoc.dist.shasum}`,
      { field: 'dist.shasum' },
    );
  }
  return inspectTarball(
    tarball.bytes,
    (path) => path === MANIFEST_PATH || path === PACKAGE_JSON_PATH || path.startsWith('package/dist/'),
    limits,
  );
}
