/**
 * `portalSnapshotSchema` of `@cunmen/manifest`, restated with `zod/mini` for the browser. The classic
 * zod API cannot be tree-shaken: importing the manifest's schema costs the portal ~36 KB gzip (zod plus
 * semver through the widget-manifest schemas), a quarter of the resident budget. `zod/mini` is the same
 * library, built for tree-shaking. `snapshot-schema.test.ts` keeps the two identical: their JSON Schemas
 * must be equal, and both must accept and reject the same snapshots.
 */
import * as z from 'zod/mini';

const CAPABILITY_IDS = [
  'user.read',
  'store.read',
  'store.write',
  'form.submit',
  'points.request',
  'media.upload',
  'events.publish',
  'location.read',
  'module.api',
] as const;

const SLOT_IDS = ['village.home.tile/v1', 'village.page/v1', 'village.nav/v1', 'cadre.page/v1'] as const;

const localizedText = z.strictObject({
  'zh-CN': z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  en: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
});

const villageCode = z
  .string()
  .check(z.regex(/^[1-8]\d{3}(?!00)\d{2}\d{6}$/, 'a 12-digit village code such as 330521001001'));
const packageName = z
  .string()
  .check(
    z.regex(
      /^@[a-z0-9][a-z0-9-]{0,38}\/[a-z0-9][a-z0-9._-]{0,100}$/,
      'a scoped npm name such as @deqing/find-machinery',
    ),
  );
const exactVersion = z
  .string()
  .check(z.regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, 'an exact version such as 1.2.0'));
const exposeKey = z
  .string()
  .check(z.regex(/^\.\/[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'an expose key such as ./Tile'));
const route = z
  .string()
  .check(z.regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'a lower-case route segment such as find-machinery'));

const placementShape = {
  slot: z.enum(SLOT_IDS),
  expose: z.optional(exposeKey),
  route: z.optional(route),
  order: z._default(z.number().check(z.int(), z.gte(0), z.lte(1000)), 100),
};

const theme = z.strictObject({
  primary: z.optional(z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, 'a colour such as #8a1c1c'))),
  elderlyByDefault: z._default(z.boolean(), false),
});

export const snapshotWidgetMiniSchema = z.strictObject({
  name: packageName,
  version: exactVersion,
  kind: z.enum(['widget', 'standard']),
  title: localizedText,
  remote: z.strictObject({ name: z.string(), entry: z.string().check(z.url()), entryIntegrity: z.string() }),
  assets: z.record(z.string(), z.string()),
  assetBase: z.string().check(z.url()),
  capabilities: z.array(z.enum(CAPABILITY_IDS)),
  signature: z.string().check(z.minLength(1)),
  config: z.record(z.string(), z.unknown()),
  placements: z.array(
    z.strictObject({ ...placementShape, title: z.optional(localizedText), icon: z.optional(z.string()) }),
  ),
  deprecated: z._default(z.nullable(z.string()), null),
});

export const portalSnapshotMiniSchema = z.strictObject({
  schemaVersion: z.literal(1),
  village: z.strictObject({
    code: villageCode,
    name: z.string(),
    township: z.optional(z.string()),
    county: z.optional(z.string()),
  }),
  portalVersion: z.number().check(z.int(), z.gte(1)),
  generatedAt: z.string(),
  host: z.strictObject({ sdk: z.string(), shared: z.record(z.string(), z.string()) }),
  publicKey: z.string().check(z.minLength(1)),
  theme,
  widgets: z.array(snapshotWidgetMiniSchema),
});
