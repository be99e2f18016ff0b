/**
 * The portal snapshot: what the shell server resolves a village config into (pinned versions,
 * content-hashed URLs, SRI, the province's signatures, the yank state) and inlines into the page, and
 * what the browser validates before it loads a line of widget code. One schema for both sides, written
 * with zod/mini: the classic zod API cannot be tree-shaken, and the resident's first load carries only
 * the checks this schema uses. Keep this module and what it imports free of classic zod.
 */
import * as z from 'zod/mini';
import { capabilitySchema } from './capabilities.js';
import { villageCodeSchema } from './division.js';
import {
  BANNER,
  COLOUR,
  EXACT_VERSION,
  EXPOSE_KEY,
  HTTP_URL,
  PACKAGE_NAME,
  type Pattern,
  ROUTE,
  TEXT_MAX,
} from './patterns.js';
import { slotIdSchema } from './slots.js';
import { VISIBILITIES } from './visibility.js';
import type { WidgetKind } from './widget-manifest.js';

const matching = (pattern: Pattern) => z.string().check(z.regex(pattern.regex, pattern.en));
const text = z.string().check(z.trim(), z.minLength(1), z.maxLength(TEXT_MAX));
const localizedText = z.strictObject({ 'zh-CN': text, en: z.optional(text) });
const KINDS = ['widget', 'standard'] as const satisfies readonly WidgetKind[];

const placementShape = {
  slot: slotIdSchema,
  expose: z.optional(matching(EXPOSE_KEY)),
  route: z.optional(matching(ROUTE)),
  order: z._default(z.number().check(z.int(), z.gte(0), z.lte(1000)), 100),
};

/** Where a village config places a widget: a slot, and the expose or route it means there. */
export const placementSchema = z.strictObject(placementShape);

export const themeSchema = z.strictObject({
  primary: z.optional(matching(COLOUR)),
  /** The village's banner photo on the home page, served by the shell at `/media/banners/<file>`. */
  banner: z.optional(matching(BANNER)),
  elderlyByDefault: z._default(z.boolean(), false),
});

/** When and why a version was yanked (the release document reads the same fields, not strictly). */
export const yankShape = { at: z.string(), reason: z.nullable(z.string()) };

/** A yank in the snapshot; what it means for a portal is `yankAction` (./yank.ts). */
export const yankSchema = z.strictObject(yankShape);

export const snapshotWidgetSchema = z.strictObject({
  name: matching(PACKAGE_NAME),
  version: matching(EXACT_VERSION),
  kind: z.enum(KINDS),
  title: localizedText,
  remote: z.strictObject({ name: z.string(), entry: matching(HTTP_URL), entryIntegrity: z.string() }),
  /** asset path → SRI, the exact set the province signed */
  assets: z.record(z.string(), z.string()),
  assetBase: matching(HTTP_URL),
  /**
   * expose key → the asset paths it needs before it runs (the built manifest's `exposeAssets`, only
   * paths among `assets`): what the page preloads for a home tile, and nothing a tile loads lazily.
   * Not signed, and needs not be: every file it names is still checked against the signed SRI.
   */
  exposeAssets: z.optional(z.record(z.string(), z.array(z.string()))),
  capabilities: z.array(capabilitySchema),
  /** Who may read each store collection (the manifest's `collections`; undeclared ones are `owner`). */
  collections: z.optional(z.record(z.string(), z.strictObject({ visibility: z.enum(VISIBILITIES) }))),
  /**
   * base64 Ed25519 signature over `signaturePayload`. Empty means unsigned: the snapshot still parses
   * and the browser's trust check refuses that one widget, instead of the whole portal failing.
   */
  signature: z.string(),
  /**
   * The signed view of the built manifest (`signedManifest`, ./signature-v2.ts) the signature v2 covers;
   * absent in snapshots made before v2, whose widgets the browser then refuses.
   */
  manifest: z.optional(z.record(z.string(), z.unknown())),
  config: z.record(z.string(), z.unknown()),
  // The shape spread, not `z.extend`: the same schema, without zod's extend helper in the first load.
  placements: z.array(
    z.strictObject({ ...placementShape, title: z.optional(localizedText), icon: z.optional(z.string()) }),
  ),
  deprecated: z._default(z.nullable(z.string()), null),
  yanked: z._default(z.nullable(yankSchema), null),
});

export const portalSnapshotSchema = z.strictObject({
  schemaVersion: z.literal(1),
  village: z.strictObject({
    code: villageCodeSchema,
    name: z.string(),
    township: z.optional(z.string()),
    county: z.optional(z.string()),
  }),
  portalVersion: z.number().check(z.int(), z.gte(1)),
  generatedAt: z.string(),
  host: z.strictObject({ sdk: z.string(), shared: z.record(z.string(), z.string()) }),
  publicKey: z.string().check(z.minLength(1)),
  theme: themeSchema,
  widgets: z.array(snapshotWidgetSchema),
});

export type PortalSnapshot = z.infer<typeof portalSnapshotSchema>;
export type SnapshotWidget = z.infer<typeof snapshotWidgetSchema>;
export type Yank = z.infer<typeof yankSchema>;
