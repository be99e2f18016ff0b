/**
 * The release document: what the registry answers at `GET /-/cunmen/v1/releases/<name>/<version>` about
 * an approved version, and what the shell server assembles portal snapshots from — the asset URLs
 * (content-hashed), each asset's SRI, the granted capabilities, the province signature and the id of
 * the key that made it, the deprecation and yank state, and the built manifest. The registry builds a
 * `ReleaseDocument`; the shell parses the answer with `releaseDocumentSchema` before it reads a field,
 * then verifies the signature. Objects are not strict: a newer registry may add a field an older shell
 * does not know, and the shell ignores it.
 */
import { z } from 'zod';
import { capabilitySchema } from './capabilities.js';
import { ASSET_BASE, EXACT_VERSION } from './patterns.js';
import { yankShape } from './snapshot.js';
import { localizedTextSchema } from './text.js';
import { contributionSchema, packageNameSchema, WIDGET_KINDS } from './widget-manifest.js';

/**
 * The built manifest (`dist/cunmen.json`) as a release carries it: the registry sends all of it; the
 * shell reads the fields below (the rest passes through untouched).
 */
export const releaseManifestSchema = z.looseObject({
  sdk: z.string(),
  shared: z.record(z.string(), z.string()).default({}),
  contributes: z.array(contributionSchema),
  configSchema: z.record(z.string(), z.unknown()).nullable().default(null),
  configDefaults: z.record(z.string(), z.unknown()).nullable().default(null),
});

export const releaseDocumentSchema = z.object({
  name: packageNameSchema,
  version: z.string().regex(EXACT_VERSION.regex, EXACT_VERSION.en),
  kind: z.enum(WIDGET_KINDS),
  /** A province package marked as a standard module. */
  standard: z.boolean(),
  title: localizedTextSchema,
  /** `<registry>/-/assets/<tarball sha256>/`: every asset path is relative to it. */
  assetBase: z.string().regex(ASSET_BASE.regex, ASSET_BASE.en),
  remote: z.object({
    name: z.string().min(1),
    entry: z.string(),
    entryIntegrity: z.string(),
    /** The Module Federation manifest (`mf-manifest.json`), for tools; the shell loads `entry`. */
    manifest: z.string(),
  }),
  /** asset path → SRI: with name, version and capabilities, what the signature covers. */
  assets: z.record(z.string(), z.string()),
  /** The capabilities the province granted at review (a subset of those requested). */
  capabilities: z.array(capabilitySchema),
  /** base64 Ed25519 signature over `signaturePayload`. */
  signature: z.string().min(1),
  /** `keyIdOf` the key that signed (`@cunmen/manifest/key-id`). */
  keyId: z.string().min(1),
  deprecated: z.string().nullable().default(null),
  yanked: z.object(yankShape).nullable().default(null),
  manifest: releaseManifestSchema,
});

/** A release document as the registry builds it and the shell reads it once parsed. */
export type ReleaseDocument = z.output<typeof releaseDocumentSchema>;
