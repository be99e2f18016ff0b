/**
 * The OpenAPI 3 document (`GET /-/cunmen/v1/openapi.json`, served by the catalog routes) and the zod
 * wiring of route plugins that describe themselves with zod schemas.
 *
 * `registerOpenApi` runs on the root instance before any route plugin, so @fastify/swagger sees every
 * route registered after it; a route appears in the document when its schema has `tags` (the others,
 * npm's own protocol among them, are left out until someone describes them). Zod schemas are turned
 * into JSON Schema; plain JSON schemas pass through unchanged.
 */
import fastifySwagger from '@fastify/swagger';
import type {
  FastifyInstance,
  FastifySchema,
  FastifySchemaCompiler,
  FastifySchemaValidationError,
} from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
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
          'The catalog of approved widgets and standard modules, npm search, and reuse statistics fed by portal assemblies. Errors are `{ error, code }`.',
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

const WHERE: Record<string, string> = {
  querystring: 'query parameter',
  params: 'path parameter',
  body: 'body field',
  headers: 'header',
};

/** `query parameter size: expected an integer from 1 to 250` — names the input and what was expected. */
export function formatSchemaErrors(errors: FastifySchemaValidationError[], dataVar: string): Error {
  const where = WHERE[dataVar] ?? dataVar;
  const parts = errors.map((e) => {
    const path = e.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
    return path === ''
      ? `${dataVar === 'body' ? 'body' : where}: ${e.message}`
      : `${where} ${path}: ${e.message}`;
  });
  return new Error([...new Set(parts)].join('; '));
}

/** Validates and serializes this plugin's routes with their zod schemas. */
export function useZod(app: FastifyInstance): void {
  app.setValidatorCompiler(validatorCompiler as FastifySchemaCompiler<unknown>);
  app.setSerializerCompiler(serializerCompiler);
  app.setSchemaErrorFormatter(formatSchemaErrors);
}
