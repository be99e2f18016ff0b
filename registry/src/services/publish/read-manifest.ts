/**
 * Publish step 5: `dist/cunmen.json` is in the tarball, valid, for this package and the token's county,
 * within the SDK the province supports, and true to the tarball: every asset it lists is there with the
 * sha384 it claims (the hashes the shell puts on its scripts, so recomputed here, never trusted), and
 * every expose it declares is built into the remote.
 */
import {
  type BuiltManifest,
  type CountyScope,
  formatIssues,
  KNOWN_COUNTY_SCOPES,
  rangesIntersect,
  validateBuiltManifest,
} from '@cunmen/manifest';
import { regError } from '../../errors.js';
import type { User } from '../../storage/types.js';
import { refuseDocumentAsset } from '../assets/asset-types.js';
import type { TarballContents, TarballLimits } from '../tarball.js';
import type { Release } from './parse-upload.js';
import { MANIFEST_PATH } from './verify-tarball.js';

export interface ManifestContext {
  user: User;
  scope: string;
  supportedSdk: string;
  limits: TarballLimits;
}

function invalid(message: string) {
  return regError('REG_ERR_MANIFEST_INVALID', message);
}

/** The validated manifest, or null when the tarball has none (a library, if the province may publish one). */
export function readManifest(
  release: Release,
  contents: TarballContents,
  ctx: ManifestContext,
): BuiltManifest | null {
  const bytes = contents.read.get(MANIFEST_PATH);
  if (!bytes) return null;
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw invalid('dist/cunmen.json is not valid JSON');
  }
  // The registry's own table decides which county a scope belongs to: the token user's.
  const { user } = ctx;
  const countyName = KNOWN_COUNTY_SCOPES.find((s) => s.county === user.county)?.name ?? user.name;
  const scopes: CountyScope[] = [{ scope: ctx.scope, county: user.county, name: countyName }];
  const validation = validateBuiltManifest(json, scopes);
  if (!validation.ok) throw invalid(`dist/cunmen.json: ${formatIssues(validation.issues, 'en')}`);
  const manifest = validation.value;
  if (manifest.name !== release.name || manifest.version !== release.version) {
    throw regError(
      'REG_ERR_NAME_MISMATCH',
      `dist/cunmen.json is for ${manifest.name}@${manifest.version}, but the publish is ${release.name}@${release.version}`,
    );
  }
  if (user.role === 'county' && manifest.county !== user.county) {
    throw regError(
      'REG_ERR_FORBIDDEN_SCOPE',
      `dist/cunmen.json declares county ${manifest.county}, but the token belongs to county ${user.county}`,
    );
  }
  if (!rangesIntersect(manifest.sdk, ctx.supportedSdk)) {
    throw regError(
      'REG_ERR_SDK_UNSUPPORTED',
      `dist/cunmen.json needs SDK ${manifest.sdk}, but the province supports SDK ${ctx.supportedSdk}`,
    );
  }
  checkAssets(manifest, contents, ctx.limits);
  checkExposes(manifest, contents);
  return manifest;
}

function checkAssets(manifest: BuiltManifest, contents: TarballContents, limits: TarballLimits): void {
  const byPath = new Map(contents.files.map((f) => [f.path, f]));
  for (const asset of manifest.assets) {
    refuseDocumentAsset(asset.path);
    const file = byPath.get(`package/dist/${asset.path}`);
    if (!file) {
      throw invalid(`dist/cunmen.json lists asset ${asset.path}, but the tarball has no dist/${asset.path}`);
    }
    if (file.integrity !== asset.integrity) {
      throw invalid(
        `dist/${asset.path} has integrity ${file.integrity}, but dist/cunmen.json says ${asset.integrity}`,
      );
    }
    if (!contents.read.has(file.path)) {
      throw invalid(
        `dist/${asset.path} is larger than ${limits.maxReadBytes} bytes, the largest browser asset the registry serves`,
      );
    }
  }
}

/** The exposes a manifest declares must be built into the remote (the MF manifest names them). */
function checkExposes(manifest: BuiltManifest, contents: TarballContents): void {
  const mf = manifest.remote.manifest;
  const exposed = exposedModules(contents.read.get(`package/dist/${mf}`));
  if (exposed === null) {
    throw invalid(`dist/${mf} lists no exposed modules; build the widget with \`cunmen build\``);
  }
  const missing = Object.keys(manifest.exposes).filter((key) => !exposed.has(key));
  if (missing.length > 0) {
    throw invalid(
      `exposes ${missing.join(', ')} are declared in dist/cunmen.json but missing from dist/${mf}`,
    );
  }
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
