/**
 * The catalog API under `/-/cunmen/v1/` (JSON, described at `/-/cunmen/v1/openapi.json`):
 *
 * - `GET catalog?q=&category=&county=&kind=&sdk=&sort=&page=&pageSize=` — approved packages, paged;
 * - `GET catalog/<@scope>/<name>` (or `<@scope>%2f<name>`) — one package with every approved version;
 * - `POST usage` — the shell reports the widgets a village portal uses (province token);
 * - `GET usage/<@scope>/<name>` — villages and counties per version.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { catalogDetail, listCatalog } from '../services/catalog.js';
import {
  catalogDetailSchema,
  catalogPageSchema,
  catalogQuerySchema,
  detailQuerySchema,
  errorSchema,
  packageUsageSchema,
  usageReportResultSchema,
  usageReportSchema,
} from '../services/catalog-schemas.js';
import { packageUsage, reportUsage, requireReporter } from '../services/usage.js';
import { authenticateFirst } from './actor.js';
import { OPENAPI_PATH } from './openapi.js';
import type { RouteOptions } from './options.js';
import { encodedParamsSchema, scopedName, scopedParamsSchema } from './params.js';

const inCatalog = (p: { scope: string; pkg: string }) =>
  scopedName(p, `package ${p.scope}/${p.pkg} not found in the catalog`);

export const catalogRoutes: FastifyPluginAsync<RouteOptions> = async (base, opts) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const notFound = errorSchema.describe('No such package, or it has no approved version (REG_ERR_NOT_FOUND)');
  const detailResponses = {
    200: catalogDetailSchema.describe('The package and its approved versions'),
    400: errorSchema.describe('`sdk` is not a semver version (REG_ERR_BAD_REQUEST)'),
    404: notFound,
  };

  app.get(
    '/-/cunmen/v1/catalog',
    {
      schema: {
        tags: ['catalog'],
        operationId: 'listCatalog',
        summary: 'List and search approved packages',
        description:
          'Each package appears once, as its current version (the latest approved, non-yanked one). Pending, rejected and unpublished versions never appear. With `sdk`, only packages whose SDK range accepts that host version are listed, unless `includeIncompatible=true`.',
        querystring: catalogQuerySchema,
        response: {
          200: catalogPageSchema.describe('One page of the catalog'),
          400: errorSchema.describe(
            'A query parameter is invalid, or the page is out of range (REG_ERR_BAD_REQUEST)',
          ),
        },
      },
    },
    async (request) => listCatalog(opts.storage, request.query),
  );

  const detail = (name: string, sdk: string | undefined) =>
    catalogDetail(opts.storage, opts.assetUrl, opts.supportedSdk, name, sdk);
  app.get(
    '/-/cunmen/v1/catalog/:scope/:pkg',
    {
      schema: {
        tags: ['catalog'],
        operationId: 'getCatalogPackage',
        summary: 'One package: versions, changelog, screenshots, capabilities, size, reuse, SDK badge',
        description:
          'Every approved version, newest first; yanked versions stay with `yanked: true` and their reason but are never `latest`. The compatibility badge is checked against the `sdk` host version when given, else against the SDK range the province supports. Also reachable as `/-/cunmen/v1/catalog/@scope%2fname`.',
        params: scopedParamsSchema,
        querystring: detailQuerySchema,
        response: detailResponses,
      },
    },
    async (request) => detail(inCatalog(request.params), request.query.sdk),
  );
  app.get(
    '/-/cunmen/v1/catalog/:pkg',
    {
      schema: {
        hide: true,
        params: encodedParamsSchema,
        querystring: detailQuerySchema,
        response: detailResponses,
      },
    },
    async (request) => detail(request.params.pkg, request.query.sdk),
  );

  // Authentication and role come before the body is even read.
  const reporter = authenticateFirst(opts.storage, (actor) => requireReporter(actor.user));
  app.post(
    '/-/cunmen/v1/usage',
    {
      onRequest: reporter.hook,
      schema: {
        tags: ['usage'],
        operationId: 'reportPortalUsage',
        summary: "Report the widgets a village's portal uses (the shell calls this after each assembly)",
        description:
          "Replaces the village's previous report in one transaction. Every widget must be an approved version (a yanked one is accepted: portals keep what they had); otherwise the report is refused with `REG_ERR_NOT_APPROVED`, naming each, and nothing changes. Needs a province token.",
        security: [{ bearerAuth: [] }],
        body: usageReportSchema,
        response: {
          200: usageReportResultSchema.describe('The report replaced the village’s previous one'),
          400: errorSchema.describe(
            'The body is invalid (REG_ERR_BAD_REQUEST) or names a version that is not approved (REG_ERR_NOT_APPROVED)',
          ),
          401: errorSchema.describe('No token, or an unknown one (REG_ERR_UNAUTHORIZED)'),
          403: errorSchema.describe('Not a province token (REG_ERR_FORBIDDEN)'),
        },
      },
    },
    async (request) => reportUsage(opts.storage, reporter.actorOf(request), request.body),
  );

  const usage = { 200: packageUsageSchema.describe('Reuse of each version'), 404: notFound };
  app.get(
    '/-/cunmen/v1/usage/:scope/:pkg',
    {
      schema: {
        tags: ['usage'],
        operationId: 'getPackageUsage',
        summary: 'Villages and counties using each version of a package',
        description: 'Also reachable as `/-/cunmen/v1/usage/@scope%2fname`.',
        params: scopedParamsSchema,
        response: usage,
      },
    },
    async (request) => packageUsage(opts.storage, inCatalog(request.params)),
  );
  app.get(
    '/-/cunmen/v1/usage/:pkg',
    { schema: { hide: true, params: encodedParamsSchema, response: usage } },
    async (request) => packageUsage(opts.storage, request.params.pkg),
  );

  app.get(OPENAPI_PATH, { schema: { hide: true } }, async () => base.swagger());
};
