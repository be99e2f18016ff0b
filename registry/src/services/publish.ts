/**
 * Publishing one version from npm's publish document. Every check runs before anything is stored;
 * then the tarball blob is written (content-addressed) and the version row is inserted in one
 * transaction, as `pending` review.
 *
 * The npm 11 CLI's request: `PUT /<@scope%2fname>` with `Authorization: Bearer <token>` and a JSON body
 * `{ _id, name, description, 'dist-tags': {<tag>: <version>}, versions: {<version>: <package.json +
 * dist: {integrity, shasum, tarball}>}, access, _attachments: {'<name>-<version>.tgz': {content_type,
 * data: <base64>, length}} }`.
 */
import { createHash } from 'node:crypto';
import {
  type CountyScope,
  formatIssues,
  KNOWN_COUNTY_SCOPES,
  scopeOf,
  validateBuiltManifest,
} from '@cunmen/manifest';
import semver from 'semver';
import { z } from 'zod';
import { regError } from '../errors.js';
import type { Storage, User } from '../storage/types.js';
import { DEFAULT_TARBALL_LIMITS, inspectTarball, type TarballLimits } from './tarball.js';

const MANIFEST_PATH = 'package/dist/cunmen.json';
const PACKAGE_JSON_PATH = 'package/package.json';

const versionDocSchema = z.looseObject({
  name: z.string(),
  version: z.string(),
  dist: z.looseObject({ integrity: z.string(), shasum: z.string() }),
});

const publishDocSchema = z.looseObject({
  name: z.string(),
  'dist-tags': z.record(z.string(), z.string()).optional(),
  versions: z.record(z.string(), versionDocSchema),
  _attachments: z.record(z.string(), z.looseObject({ data: z.string(), length: z.number().optional() })),
});

export interface PublishResult {
  name: string;
  version: string;
  status: 'pending';
}

function describeZodError(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return 'invalid publish document';
  const path = first.path.length > 0 ? first.path.join('.') : '(document)';
  return `invalid publish document at ${path}: ${first.message}`;
}

export async function publishVersion(
  storage: Storage,
  user: User,
  urlName: string,
  body: unknown,
  limits: TarballLimits = DEFAULT_TARBALL_LIMITS,
): Promise<PublishResult> {
  const parsed = publishDocSchema.safeParse(body);
  if (!parsed.success) throw regError('REG_ERR_BAD_PUBLISH', describeZodError(parsed.error));
  const doc = parsed.data;
  if (doc.name !== urlName) {
    throw regError(
      'REG_ERR_NAME_MISMATCH',
      `the document names "${doc.name}" but the URL names "${urlName}"`,
    );
  }
  const name = doc.name;

  const scope = scopeOf(name);
  if (scope === null) {
    throw regError(
      'REG_ERR_FORBIDDEN_SCOPE',
      `"${name}" has no scope; widgets are published as @<scope>/<name>`,
    );
  }
  if (user.scope !== scope) {
    throw regError(
      'REG_ERR_FORBIDDEN_SCOPE',
      user.scope === null
        ? `user "${user.name}" has no publishing scope and cannot publish to scope ${scope}`
        : `a token for scope ${user.scope} cannot publish to scope ${scope}`,
    );
  }

  const versionKeys = Object.keys(doc.versions);
  const attachmentKeys = Object.keys(doc._attachments);
  if (versionKeys.length !== 1) {
    throw regError(
      'REG_ERR_BAD_PUBLISH',
      `a publish must carry exactly one version, got ${versionKeys.length}`,
    );
  }
  if (attachmentKeys.length !== 1) {
    throw regError(
      'REG_ERR_BAD_PUBLISH',
      `a publish must carry exactly one tarball attachment, got ${attachmentKeys.length}`,
    );
  }
  const version = versionKeys[0] as string;
  const versionDoc = doc.versions[version] as z.infer<typeof versionDocSchema>;
  const attachment = doc._attachments[attachmentKeys[0] as string] as { data: string; length?: number };

  if (semver.valid(version) !== version) {
    throw regError('REG_ERR_INVALID_VERSION', `"${version}" is not a valid semver version such as 1.0.0`);
  }
  if (versionDoc.name !== name || versionDoc.version !== version) {
    throw regError(
      'REG_ERR_NAME_MISMATCH',
      `the version document is ${versionDoc.name}@${versionDoc.version}, expected ${name}@${version}`,
    );
  }
  if (await storage.meta.getVersion(name, version)) {
    throw regError('REG_ERR_VERSION_EXISTS', `cannot publish over existing version ${name}@${version}`);
  }

  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(attachment.data)) {
    throw regError('REG_ERR_BAD_PUBLISH', 'the attachment data is not base64');
  }
  const tarball = Buffer.from(attachment.data, 'base64');
  if (attachment.length !== undefined && attachment.length !== tarball.length) {
    throw regError(
      'REG_ERR_BAD_PUBLISH',
      `the attachment is ${tarball.length} bytes but its length field says ${attachment.length}`,
    );
  }
  const integrity = `sha512-${createHash('sha512').update(tarball).digest('base64')}`;
  if (versionDoc.dist.integrity !== integrity) {
    throw regError(
      'REG_ERR_INTEGRITY_MISMATCH',
      `the tarball's integrity is ${integrity} but dist.integrity says ${versionDoc.dist.integrity}`,
    );
  }
  const shasum = createHash('sha1').update(tarball).digest('hex');
  if (versionDoc.dist.shasum !== shasum) {
    throw regError(
      'REG_ERR_SHASUM_MISMATCH',
      `the tarball's sha1 is ${shasum} but dist.shasum says ${versionDoc.dist.shasum}`,
    );
  }

  const contents = await inspectTarball(tarball, [MANIFEST_PATH, PACKAGE_JSON_PATH], limits);
  const manifestBytes = contents.read.get(MANIFEST_PATH);
  if (!manifestBytes) {
    throw regError(
      'REG_ERR_MANIFEST_MISSING',
      'the tarball has no dist/cunmen.json; build the widget with `cunmen build` before publishing',
    );
  }
  let manifestJson: unknown;
  try {
    manifestJson = JSON.parse(manifestBytes.toString('utf8'));
  } catch {
    throw regError('REG_ERR_MANIFEST_INVALID', 'dist/cunmen.json is not valid JSON');
  }
  // The registry's own table decides which county a scope belongs to: the token user's.
  const countyName = KNOWN_COUNTY_SCOPES.find((s) => s.county === user.county)?.name ?? user.name;
  const scopes: CountyScope[] = [{ scope, county: user.county, name: countyName }];
  const validation = validateBuiltManifest(manifestJson, scopes);
  if (!validation.ok) {
    throw regError('REG_ERR_MANIFEST_INVALID', `dist/cunmen.json: ${formatIssues(validation.issues, 'en')}`);
  }
  const manifest = validation.value;
  if (manifest.name !== name || manifest.version !== version) {
    throw regError(
      'REG_ERR_NAME_MISMATCH',
      `dist/cunmen.json is for ${manifest.name}@${manifest.version}, but the publish is ${name}@${version}`,
    );
  }
  // Every asset the manifest lists must be in the tarball with exactly the sha384 it claims: these are
  // the hashes the shell puts on its scripts, so they are recomputed here, never trusted.
  const byPath = new Map(contents.files.map((f) => [f.path, f]));
  for (const asset of manifest.assets) {
    const file = byPath.get(`package/dist/${asset.path}`);
    if (!file) {
      throw regError(
        'REG_ERR_MANIFEST_INVALID',
        `dist/cunmen.json lists asset ${asset.path}, but the tarball has no dist/${asset.path}`,
      );
    }
    if (file.integrity !== asset.integrity) {
      throw regError(
        'REG_ERR_MANIFEST_INVALID',
        `dist/${asset.path} has integrity ${file.integrity}, but dist/cunmen.json says ${asset.integrity}`,
      );
    }
  }
  if (user.role === 'county' && manifest.county !== user.county) {
    throw regError(
      'REG_ERR_FORBIDDEN_SCOPE',
      `dist/cunmen.json declares county ${manifest.county}, but the token belongs to county ${user.county}`,
    );
  }

  const tag = Object.entries(doc['dist-tags'] ?? {}).find(([, v]) => v === version)?.[0] ?? 'latest';
  const { dist: _sentDist, _id: _sentId, ...rest } = versionDoc;
  const packageJson = { ...rest, dist: { integrity, shasum } };

  // Blob first, row second: a crash in between leaves an orphan blob, never a version without bytes.
  const blob = await storage.blobs.put(tarball);
  const inserted = await storage.meta.insertVersion({
    name,
    version,
    packageJson,
    manifest: manifest as unknown as Record<string, unknown>,
    integrity,
    shasum,
    blobSha256: blob.sha256,
    tarballSize: blob.size,
    requestedTag: tag,
    publishedBy: user.id,
  });
  if (!inserted) {
    throw regError('REG_ERR_VERSION_EXISTS', `cannot publish over existing version ${name}@${version}`);
  }
  return { name, version, status: 'pending' };
}
