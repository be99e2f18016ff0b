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
  PROVINCE_SCOPE,
  rangesIntersect,
  scopeOf,
  validateBuiltManifest,
} from '@cunmen/manifest';
import semver from 'semver';
import { z } from 'zod';
import { regError } from '../errors.js';
import type { AssetRecord, CheckResult, Storage, User, VersionRecord } from '../storage/types.js';
import { STREAMED_ATTACHMENTS, type StreamedBody } from './publish-body.js';
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
  status: 'pending' | 'approved';
}

export interface PublishOptions {
  /** The SDK range the province's shell supports; a widget's range must overlap it. */
  supportedSdk: string;
  limits?: TarballLimits;
}

export const DEFAULT_SUPPORTED_SDK = '^0.1.0';

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
  options: PublishOptions = { supportedSdk: DEFAULT_SUPPORTED_SDK },
): Promise<PublishResult> {
  const limits = options.limits ?? DEFAULT_TARBALL_LIMITS;
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
  if (await storage.meta.getVersion(name, version)) throw versionExists(name, version);

  // Bodies read by the HTTP route were decoded and hashed as they streamed in; others are decoded here.
  const streamed = (body as StreamedBody)[STREAMED_ATTACHMENTS]?.get(attachmentKeys[0] as string);
  if (!streamed && !/^[A-Za-z0-9+/]*={0,2}$/.test(attachment.data)) {
    throw regError('REG_ERR_BAD_PUBLISH', 'the attachment data is not base64');
  }
  const tarball = streamed?.bytes ?? Buffer.from(attachment.data, 'base64');
  if (attachment.length !== undefined && attachment.length !== tarball.length) {
    throw regError(
      'REG_ERR_BAD_PUBLISH',
      `the attachment is ${tarball.length} bytes but its length field says ${attachment.length}`,
    );
  }
  const integrity = streamed?.integrity ?? `sha512-${createHash('sha512').update(tarball).digest('base64')}`;
  if (versionDoc.dist.integrity !== integrity) {
    throw regError(
      'REG_ERR_INTEGRITY_MISMATCH',
      `the tarball's integrity is ${integrity} but dist.integrity says ${versionDoc.dist.integrity}`,
    );
  }
  const shasum = streamed?.shasum ?? createHash('sha1').update(tarball).digest('hex');
  if (versionDoc.dist.shasum !== shasum) {
    throw regError(
      'REG_ERR_SHASUM_MISMATCH',
      `the tarball's sha1 is ${shasum} but dist.shasum says ${versionDoc.dist.shasum}`,
    );
  }

  // The assets are read from the tarball too, so their bytes can be stored for browsers.
  const contents = await inspectTarball(
    tarball,
    (path) => path === MANIFEST_PATH || path === PACKAGE_JSON_PATH || path.startsWith('package/dist/'),
    limits,
  );
  const files = contents.files.map((f) => ({
    path: f.path.replace(/^package\//, ''),
    size: f.size,
    integrity: f.integrity,
  }));
  const manifestBytes = contents.read.get(MANIFEST_PATH);
  const tag = Object.entries(doc['dist-tags'] ?? {}).find(([, v]) => v === version)?.[0] ?? 'latest';
  const { dist: _sentDist, _id: _sentId, ...rest } = versionDoc;
  const packageJson = { ...rest, dist: { integrity, shasum } };
  const common = {
    name,
    version,
    packageJson,
    integrity,
    shasum,
    tarballSize: tarball.length,
    unpackedSize: contents.unpackedSize,
    files,
    requestedTag: tag,
    publishedBy: user.id,
  };

  if (!manifestBytes) {
    // The province's own libraries (@cunmen/sdk, …) carry no widget manifest: nothing in them is loaded
    // by the shell from the registry, so the province publishing one needs no review of its own.
    if (user.role === 'province' && scope === PROVINCE_SCOPE) {
      const blob = await storage.blobs.put(tarball);
      const inserted = await storage.meta.insertVersion({
        ...common,
        kind: 'library',
        manifest: null,
        blobSha256: blob.sha256,
        checks: [{ id: 'library', ok: true, detail: 'province library without a widget manifest' }],
        assets: [],
        autoApprove: true,
      });
      if (!inserted) throw versionExists(name, version);
      return { name, version, status: 'approved' };
    }
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
  if (user.role === 'county' && manifest.county !== user.county) {
    throw regError(
      'REG_ERR_FORBIDDEN_SCOPE',
      `dist/cunmen.json declares county ${manifest.county}, but the token belongs to county ${user.county}`,
    );
  }
  if (!rangesIntersect(manifest.sdk, options.supportedSdk)) {
    throw regError(
      'REG_ERR_SDK_UNSUPPORTED',
      `dist/cunmen.json needs SDK ${manifest.sdk}, but the province supports SDK ${options.supportedSdk}`,
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
    if (!contents.read.has(file.path)) {
      throw regError(
        'REG_ERR_MANIFEST_INVALID',
        `dist/${asset.path} is larger than ${limits.maxReadBytes} bytes, the largest browser asset the registry serves`,
      );
    }
  }
  // The exposes a manifest declares must be built into the remote (the MF manifest names them).
  const mfBytes = contents.read.get(`package/dist/${manifest.remote.manifest}`);
  const exposedNames = exposedModules(mfBytes);
  if (exposedNames === null) {
    throw regError(
      'REG_ERR_MANIFEST_INVALID',
      `dist/${manifest.remote.manifest} lists no exposed modules; build the widget with \`cunmen build\``,
    );
  }
  const missing = Object.keys(manifest.exposes).filter((key) => !exposedNames.has(key));
  if (missing.length > 0) {
    throw regError(
      'REG_ERR_MANIFEST_INVALID',
      `exposes ${missing.join(', ')} are declared in dist/cunmen.json but missing from dist/${manifest.remote.manifest}`,
    );
  }

  const previous = (await storage.meta.listVersions(name, 'approved')).at(-1) ?? null;
  const checks: CheckResult[] = [
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
    { id: 'sdk', ok: true, detail: `SDK ${manifest.sdk} is within the supported ${options.supportedSdk}` },
    {
      id: 'exposes',
      ok: true,
      detail: `${Object.keys(manifest.exposes).length} exposes present in the remote`,
    },
    {
      id: 'capabilities',
      ok: true,
      detail: newCapabilities(manifest.capabilities, previous),
    },
  ];

  // Blobs first, rows second: a crash in between leaves orphan blobs, never a version without bytes.
  const assets: AssetRecord[] = [];
  for (const asset of manifest.assets) {
    const bytes = contents.read.get(`package/dist/${asset.path}`) as Buffer;
    const stored = await storage.blobs.put(bytes);
    assets.push({
      path: asset.path,
      blobSha256: stored.sha256,
      size: stored.size,
      integrity: asset.integrity,
      contentType: asset.contentType,
    });
  }
  const blob = await storage.blobs.put(tarball);
  const inserted = await storage.meta.insertVersion({
    ...common,
    kind: manifest.kind,
    manifest: manifest as unknown as Record<string, unknown>,
    blobSha256: blob.sha256,
    checks,
    assets,
  });
  if (!inserted) throw versionExists(name, version);
  return { name, version, status: 'pending' };
}

function versionExists(name: string, version: string) {
  return regError('REG_ERR_VERSION_EXISTS', `cannot publish over existing version ${name}@${version}`);
}

/** The expose keys (`./Tile`) an mf-manifest.json names, or null when it names none we can read. */
function exposedModules(bytes: Buffer | undefined): Set<string> | null {
  if (!bytes) return null;
  try {
    const doc = JSON.parse(bytes.toString('utf8')) as { exposes?: { path?: unknown; name?: unknown }[] };
    if (!Array.isArray(doc.exposes)) return null;
    const keys = doc.exposes
      .map((e) => (typeof e.path === 'string' ? e.path : typeof e.name === 'string' ? `./${e.name}` : null))
      .filter((k): k is string => k !== null);
    return keys.length > 0 ? new Set(keys) : null;
  } catch {
    return null;
  }
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
