/**
 * Signature payload v2: what the province signs at approval, covering every field of a release the
 * shell server or the browser acts on — not only the asset hashes and capabilities (v1), but also the
 * kind, title, remote name and entry, and from the built manifest the SDK range, shared ranges,
 * exposes, contributions, config schema and defaults, requested capabilities and collections. A
 * registry that rewrites any of them (a compromised database, a tampered answer) breaks the signature.
 *
 * The registry signs `releasePayloadV2` of the stored version; the shell server rebuilds the same bytes
 * from the release document and the browser from the snapshot widget plus its `manifest` (the signed
 * view, `signedManifest`). Deprecation and yank state change after approval and are not signed.
 * Browser-safe: no classic zod, no node modules.
 */
import { canonicalJson } from './canonical-json.js';
import type { Capability } from './capabilities.js';
import type { LocalizedText } from './text.js';

/** Names the payload layout inside the signed bytes, so a v1 signature can never verify as v2. */
export const SIGNATURE_FORMAT_V2 = 'cunmen-release/2';

/**
 * The built-manifest fields the shell reads, as signed: one layout whatever the manifest held
 * (missing optional fields become `null` or `{}`), so the registry's stored manifest and the shell's
 * parsed one give the same bytes.
 */
export interface SignedManifest {
  sdk: string;
  shared: Record<string, string>;
  exposes: Record<string, string>;
  contributes: unknown[];
  configSchema: Record<string, unknown> | null;
  configDefaults: Record<string, unknown> | null;
  /** What the widget asked for; the grant (`capabilities` of the payload) is a subset. */
  requested: string[];
  /** Per-collection declarations (visibility), when the manifest has them. */
  collections?: unknown;
}

export interface SignedReleaseV2 {
  name: string;
  version: string;
  kind: string;
  title: LocalizedText;
  /** The MF container name and the entry asset's path (relative to the asset base). */
  remote: { name: string; entry: string };
  /** asset path → SRI integrity (`sha384-…`) */
  assets: Record<string, string>;
  /** The capabilities the province granted. */
  capabilities: readonly Capability[];
  manifest: SignedManifest;
}

const record = <T>(value: unknown, fallback: T): T =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as T) : fallback;

/** The signed view of a built manifest (stored or parsed): the fields the shell reads, nothing else. */
export function signedManifest(manifest: Readonly<Record<string, unknown>>): SignedManifest {
  const view: SignedManifest = {
    sdk: String(manifest.sdk ?? ''),
    shared: record(manifest.shared, {}),
    exposes: record(manifest.exposes, {}),
    contributes: Array.isArray(manifest.contributes) ? manifest.contributes : [],
    configSchema: record<Record<string, unknown> | null>(manifest.configSchema, null),
    configDefaults: record<Record<string, unknown> | null>(manifest.configDefaults, null),
    requested: Array.isArray(manifest.capabilities) ? [...manifest.capabilities].map(String).sort() : [],
  };
  if (manifest.collections !== undefined) view.collections = manifest.collections;
  return view;
}

/** The exact bytes the province signs (canonical JSON, sorted keys) for payload v2. */
export function signaturePayloadV2(release: SignedReleaseV2): string {
  return canonicalJson({
    format: SIGNATURE_FORMAT_V2,
    name: release.name,
    version: release.version,
    kind: release.kind,
    title: release.title,
    remote: { name: release.remote.name, entry: release.remote.entry },
    assets: release.assets,
    capabilities: [...release.capabilities].sort(),
    manifest: release.manifest,
  });
}

/** The fields of a release document (./release.ts) the v2 payload is rebuilt from. */
export interface ReleaseFields {
  name: string;
  version: string;
  kind: string;
  title: LocalizedText;
  assetBase: string;
  remote: { name: string; entry: string };
  assets: Record<string, string>;
  capabilities: readonly Capability[];
  manifest: Readonly<Record<string, unknown>>;
}

/**
 * The v2 payload of a release document as the shell received it, or null when its entry URL is not
 * under its asset base (then no signed entry path can be named, and the release is refused).
 */
export function releaseDocumentPayloadV2(doc: ReleaseFields): string | null {
  if (!doc.remote.entry.startsWith(doc.assetBase)) return null;
  return signaturePayloadV2({
    name: doc.name,
    version: doc.version,
    kind: doc.kind,
    title: doc.title,
    remote: { name: doc.remote.name, entry: doc.remote.entry.slice(doc.assetBase.length) },
    assets: doc.assets,
    capabilities: doc.capabilities,
    manifest: signedManifest(doc.manifest),
  });
}

interface Placed {
  slot: string;
  expose?: string | undefined;
  route?: string | undefined;
}

/**
 * Whether a placement of the snapshot is one the signed contributions offer: same slot, expose and
 * route (the server resolves each placement to exactly one contribution and copies those three).
 */
export function placementIsSigned(manifest: SignedManifest, placement: Placed): boolean {
  return manifest.contributes.some((c) => {
    const offered = record<Placed>(c, { slot: '' });
    return (
      offered.slot === placement.slot &&
      offered.expose === placement.expose &&
      offered.route === placement.route
    );
  });
}
