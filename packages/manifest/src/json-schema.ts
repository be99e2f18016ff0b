/** JSON Schema from the zod schemas (zod 4's own converter), for editors and other languages. */
import { z } from 'zod';
import { villageConfigSchema } from './portal.js';
import { releaseDocumentSchema } from './release.js';
import { portalSnapshotSchema } from './snapshot.js';
import { builtManifestSchema, widgetManifestSchema } from './widget-manifest.js';

export const JSON_SCHEMAS = {
  'widget.schema.json': widgetManifestSchema,
  'built-manifest.schema.json': builtManifestSchema,
  'village-config.schema.json': villageConfigSchema,
  'portal-snapshot.schema.json': portalSnapshotSchema,
  'release.schema.json': releaseDocumentSchema,
} as const;

export function toJsonSchema(
  schema: z.core.$ZodType,
  io: 'input' | 'output' = 'input',
): Record<string, unknown> {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
}
