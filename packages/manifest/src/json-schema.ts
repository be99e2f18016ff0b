/** JSON Schema from the zod schemas (zod 4's own converter), for editors and other languages. */
import { z } from 'zod';
import { portalSnapshotSchema, villageConfigSchema } from './portal.js';
import { builtManifestSchema, widgetManifestSchema } from './widget-manifest.js';

export const JSON_SCHEMAS = {
  'widget.schema.json': widgetManifestSchema,
  'built-manifest.schema.json': builtManifestSchema,
  'village-config.schema.json': villageConfigSchema,
  'portal-snapshot.schema.json': portalSnapshotSchema,
} as const;

export function toJsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'input'): Record<string, unknown> {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
}
