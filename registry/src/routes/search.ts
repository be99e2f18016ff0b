/**
 * `GET /-/v1/search?text=&size=&from=`: npm's search protocol (`npm search --registry <url> <words>`).
 * `total` counts the matches on every page; `size` is 1–250 (default 20), `from` 0 or more.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { npmSearch } from '../services/catalog.js';
import { errorSchema, npmSearchQuerySchema, npmSearchResultSchema } from '../services/catalog-schemas.js';
import type { RouteOptions } from './options.js';

export const searchRoutes: FastifyPluginAsync<RouteOptions> = async (base, opts) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/-/v1/search',
    {
      schema: {
        tags: ['search'],
        operationId: 'npmSearch',
        summary: 'Search approved packages (npm protocol)',
        description:
          'What `npm search` calls. Every approved package, libraries included; words match as substrings (Chinese included). `quality`, `popularity` and `maintenance` weights that npm sends are accepted and ignored.',
        querystring: npmSearchQuerySchema,
        response: {
          200: npmSearchResultSchema.describe('One page of matches'),
          400: errorSchema.describe('A query parameter is invalid (REG_ERR_BAD_REQUEST)'),
        },
      },
    },
    async (request) => npmSearch(opts.storage, opts.publicUrl, request.query),
  );
};
