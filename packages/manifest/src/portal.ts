/**
 * The village config: what a cadre assembles, versioned per village (rollback picks an earlier one).
 * Its placements and theme are the snapshot's (./snapshot.ts), so what a config says is what the
 * browser gets.
 */
import { z } from 'zod';
import { villageCodeSchema } from './division.js';
import { EXACT_VERSION } from './patterns.js';
import { placementSchema, themeSchema } from './snapshot.js';
import { localizedTextSchema } from './text.js';
import { packageNameSchema } from './widget-manifest.js';

/** One village's portal, version `version` (rollback picks an earlier one). */
export const villageConfigSchema = z
  .object({
    village: villageCodeSchema,
    version: z.number().int().min(1),
    title: localizedTextSchema.optional(),
    theme: z._default(themeSchema, { elderlyByDefault: false }),
    widgets: z
      .array(
        z
          .object({
            name: packageNameSchema,
            version: z.string().regex(EXACT_VERSION.regex, EXACT_VERSION.en),
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
