/**
 * The OpenAPI 3 document (`GET /-/cunmen/v1/openapi.json`, served by the catalog routes).
 *
 * `registerOpenApi` runs on the root instance before any route plugin, so @fastify/swagger sees every
 * route registered after it; a route appears in the document when its schema has `tags` (the others,
 * npm's own protocol among them, are left out until someone describes them). Zod schemas are turned
 * into JSON Schema; plain JSON schemas pass through unchanged.
 */
import fastifySwagger from '@fastify/swagger';
import type { FastifyInstance, FastifySchema } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';

export const OPENAPI_PATH = '/-/cunmen/v1/openapi.json';

function hasZod(schema: FastifySchema | undefined): boolean {
  if (!schema) return false;
  const parts: unknown[] = [schema.querystring, schema.body, schema.params, schema.headers];
  if (schema.response && typeof schema.response === 'object') parts.push(...Object.values(schema.response));
  return parts.some((p) => p instanceof z.ZodType);
}

export async function registerOpenApi(app: FastifyInstance, publicUrl: string): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Cunmen registry — catalog API',
        version: '1',
        description:
          'The catalog of approved widgets and standard modules, npm search, and reuse statistics fed by portal assemblies. Errors are `{ error, code, message, requestId, field? }`: `code` is a stable `REG_ERR_…` code, `error` English, `message` zh-CN.',
      },
      servers: [{ url: publicUrl }],
      tags: [
        { name: 'catalog', description: 'Browse and read approved packages' },
        { name: 'search', description: "npm's search protocol" },
        { name: 'usage', description: 'Which village portals use which versions' },
      ],
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', description: 'A registry token (province role)' },
        },
      },
    },
    hideUntagged: true,
    transform: (input) =>
      hasZod(input.schema) ? jsonSchemaTransform(input) : { schema: input.schema, url: input.url },
  });
}
