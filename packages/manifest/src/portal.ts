/**
 * The village config (what a cadre assembles, versioned per village) and the portal snapshot (what the
 * server resolves it into: pinned versions, content-hashed URLs, SRI, the province's signatures).
 */
import { z } from 'zod';
import { capabilitySchema } from './capabilities.js';
import { villageCodeSchema } from './division.js';
import { slotIdSchema } from './slots.js';
import { localizedTextSchema } from './text.js';
import { assetSchema, exposeKeySchema, packageNameSchema, routeSchema } from './widget-manifest.js';

const exactVersionSchema = z
  .string()
  .regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, 'an exact version such as 1.2.0');

export const placementSchema = z
  .object({
    slot: slotIdSchema,
    expose: exposeKeySchema.optional(),
    route: routeSchema.optional(),
    order: z.number().int().min(0).max(1000).default(100),
  })
  .strict();

export const themeSchema = z
  .object({
    primary: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, 'a colour such as #8a1c1c')
      .optional(),
    elderlyByDefault: z.boolean().default(false),
  })
  .strict();

/** One village's portal, version `version` (rollback picks an earlier one). */
export const villageConfigSchema = z
  .object({
    village: villageCodeSchema,
    version: z.number().int().min(1),
    title: localizedTextSchema.optional(),
    theme: themeSchema.default({ elderlyByDefault: false }),
    widgets: z
      .array(
        z
          .object({
            name: packageNameSchema,
            version: exactVersionSchema,
            config: z.record(z.string(), z.unknown()).default({}),
            placements: z.array(placementSchema).min(1).max(20),
          })
          .strict(),
      )
      .max(60),
  })
  .strict()
  .superRefine((c, ctx) => {
    const names = new Set<string>();
    c.widgets.forEach((w, i) => {
      if (names.has(w.name))
        ctx.addIssue({
          code: 'custom',
          path: ['widgets', i, 'name'],
          message: `${w.name} is placed twice; one entry per widget`,
          params: { zh: `${w.name} 重复添加，每个组件只能有一项` },
        });
      names.add(w.name);
    });
  });

export type VillageConfig = z.infer<typeof villageConfigSchema>;

export const snapshotWidgetSchema = z
  .object({
    name: packageNameSchema,
    version: exactVersionSchema,
    kind: z.enum(['widget', 'standard']),
    title: localizedTextSchema,
    remote: z.object({ name: z.string(), entry: z.string().url(), entryIntegrity: z.string() }).strict(),
    /** asset path → SRI, the exact set the province signed */
    assets: z.record(z.string(), z.string()),
    assetBase: z.string().url(),
    capabilities: z.array(capabilitySchema),
    signature: z.string().min(1),
    config: z.record(z.string(), z.unknown()),
    placements: z.array(
      placementSchema.extend({ title: localizedTextSchema.optional(), icon: z.string().optional() }),
    ),
    deprecated: z.string().nullable().default(null),
  })
  .strict();

export const portalSnapshotSchema = z
  .object({
    schemaVersion: z.literal(1),
    village: z
      .object({
        code: villageCodeSchema,
        name: z.string(),
        township: z.string().optional(),
        county: z.string().optional(),
      })
      .strict(),
    portalVersion: z.number().int().min(1),
    generatedAt: z.string(),
    host: z.object({ sdk: z.string(), shared: z.record(z.string(), z.string()) }).strict(),
    publicKey: z.string().min(1),
    theme: themeSchema,
    widgets: z.array(snapshotWidgetSchema),
  })
  .strict();

export type PortalSnapshot = z.infer<typeof portalSnapshotSchema>;
export type SnapshotWidget = z.infer<typeof snapshotWidgetSchema>;
export { assetSchema };
