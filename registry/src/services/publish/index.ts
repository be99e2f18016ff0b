/**
 * Publishing one version from npm's publish document, as named steps. Every check runs before anything
 * is stored; then the blobs are written (content-addressed) and the version row is inserted in one
 * transaction, as `pending` review; last, the publish is audited (and a library, approved at once, is
 * indexed).
 *
 * The npm 11 CLI's request: `PUT /<@scope%2fname>` with `Authorization: Bearer <token>` and a JSON body
 * `{ _id, name, description, 'dist-tags': {<tag>: <version>}, versions: {<version>: <package.json +
 * dist: {integrity, shasum, tarball}>}, access, _attachments: {'<name>-<version>.tgz': {content_type,
 * data: <base64>, length}} }`, read as it streams into a {@link PublishUpload} (see upload.ts).
 */
import { PROVINCE_SCOPE } from '@cunmen/manifest';
import { regError } from '../../errors.js';
import type { Storage, User } from '../../storage/types.js';
import { recordActivity } from '../actor.js';
import { DEFAULT_TARBALL_LIMITS, type TarballLimits } from '../tarball.js';
import { parseDocument, pickRelease } from './parse-upload.js';
import { checkPublishScope } from './permissions.js';
import { readManifest } from './read-manifest.js';
import { commitVersion, reviewChecks, storeAssets, versionFields } from './store-version.js';
import type { PublishUpload } from './upload.js';
import { refuseExisting, verifyTarball } from './verify-tarball.js';

export type { PublishUpload, UploadedTarball } from './upload.js';

import { checkHomeRoute, DEFAULT_HOME_ROUTE_LIMIT } from './home-route.js';

export { PublishBodyReader, readPublishUpload } from './upload.js';

export interface PublishResult {
  name: string;
  version: string;
  status: 'pending' | 'approved';
}

export interface PublishOptions {
  /** The SDK range the province's shell supports; a widget's range must overlap it. */
  supportedSdk: string;
  limits?: TarballLimits;
  /** The province's limit on a widget's home route, gzip bytes (default DEFAULT_HOME_ROUTE_LIMIT). */
  homeRouteLimit?: number;
}

export const DEFAULT_SUPPORTED_SDK = '^0.1.0';

export async function publishVersion(
  storage: Storage,
  actor: { user: User; ip?: string },
  urlName: string,
  upload: PublishUpload,
  options: PublishOptions = { supportedSdk: DEFAULT_SUPPORTED_SDK },
): Promise<PublishResult> {
  const { user } = actor;
  const limits = options.limits ?? DEFAULT_TARBALL_LIMITS;
  const doc = parseDocument(upload, urlName);
  const scope = checkPublishScope(user, doc.name);
  const release = pickRelease(doc, upload);
  await refuseExisting(storage, release);
  const contents = await verifyTarball(release, limits);
  const manifest = readManifest(release, contents, {
    user,
    scope,
    supportedSdk: options.supportedSdk,
    limits,
  });
  const fields = versionFields(release, contents, user);

  let status: PublishResult['status'];
  if (manifest === null) {
    // The province's own libraries (@cunmen/sdk, …) carry no widget manifest: nothing in them is loaded
    // by the shell from the registry, so the province publishing one needs no review of its own.
    if (user.role !== 'province' || scope !== PROVINCE_SCOPE) {
      throw regError(
        'REG_ERR_MANIFEST_MISSING',
        'the tarball has no dist/cunmen.json; build the widget with `cunmen build` before publishing',
      );
    }
    await commitVersion(storage, release, {
      ...fields,
      kind: 'library',
      manifest: null,
      checks: [{ id: 'library', ok: true, detail: 'province library without a widget manifest' }],
      assets: [],
      autoApprove: true,
    });
    status = 'approved';
  } else {
    const previous = (await storage.packages.listVersions(release.name, 'approved')).at(-1) ?? null;
    const limit = options.homeRouteLimit ?? DEFAULT_HOME_ROUTE_LIMIT;
    const home = checkHomeRoute(manifest, contents, limit);
    const checks = reviewChecks(manifest, scope, user, options.supportedSdk, previous);
    if (home !== null)
      checks.push({ id: 'home-route', ok: true, detail: `home route ${home.bytes} of ${limit} bytes gzip` });
    const assets = await storeAssets(storage, manifest, contents);
    await commitVersion(storage, release, {
      ...fields,
      kind: manifest.kind,
      manifest: manifest as unknown as Record<string, unknown>,
      checks,
      assets,
    });
    status = 'pending';
  }
  await recordActivity(storage, actor, {
    action: 'version.publish',
    subject: `${release.name}@${release.version}`,
    detail: { status },
    ...(status === 'approved' ? { reindex: release.name } : {}),
  });
  return { name: release.name, version: release.version, status };
}
