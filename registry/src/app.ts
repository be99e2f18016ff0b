/**
 * `buildApp`: the registry as a Fastify instance, each endpoint group an encapsulated plugin that gets
 * the storage, the province key and the public URL as options. Every route validates its params, query
 * and body with zod (the type provider). Errors become the one body of `@cunmen/errors`
 * (`{ error, code, message, requestId, field? }`) with a 4xx for client input; anything unexpected is
 * logged and answered as a 500 with the request id.
 */
import { installErrorHandler } from '@cunmen/errors/fastify';
import { requestIdOptions, serviceOps } from '@cunmen/service-ops';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { GENERIC_CODES, registryErrors, withCodeAndLink } from './errors.js';
import { assetHostOf, installAssetOrigin } from './routes/asset-origin.js';
import { assetRoutes } from './routes/assets.js';
import { catalogRoutes } from './routes/catalog.js';
import { distTagRoutes } from './routes/dist-tags.js';
import { loginRoutes } from './routes/login.js';
import { registerOpenApi } from './routes/openapi.js';
import { packageRoutes } from './routes/packages.js';
import { pingRoutes } from './routes/ping.js';
import { publishRoutes } from './routes/publish.js';
import { reviewRoutes } from './routes/review.js';
import { searchRoutes } from './routes/search.js';
import { whoamiRoutes } from './routes/whoami.js';
import { loadOrCreateKeys, type ProvinceKeys } from './services/keys.js';
import { DEFAULT_HOME_ROUTE_LIMIT } from './services/publish/home-route.js';
import { DEFAULT_SUPPORTED_SDK } from './services/publish/index.js';
import { DEFAULT_UPLINK_MAX_AGE_SECONDS, DEFAULT_UPLINK_TIMEOUT_MS } from './services/uplink/index.js';
import { openStorage, type ScaleStorageOptions } from './storage/index.js';
import type { Storage } from './storage/types.js';

export interface BuildAppOptions {
  /** Data directory of the embedded store (SQLite + blobs) and the province key. */
  dataDir?: string;
  storage?: Storage;
  /** Scale mode: PostgreSQL and/or a bucket instead of the data directory (when `storage` is omitted). */
  scale?: ScaleStorageOptions;
  /** The province key; loaded from (or created in) `signingKeyFile` or `dataDir` when omitted. */
  keys?: ProvinceKeys;
  /** The private key file shared by every instance; default `<dataDir>/keys/`. */
  signingKeyFile?: string;
  /** Base URL clients reach the registry at; tarball and asset URLs are built from it. */
  publicUrl: string;
  /**
   * A cookie-less origin of its own for browser assets (`https://assets.registry.example.gov.cn`), so
   * county files never share an origin with the web-login page; assets are served on `publicUrl` when
   * omitted.
   */
  assetOrigin?: string;
  /** Largest publish body in bytes; default 50 MB. */
  maxPublishBytes?: number;
  /** The SDK range the province's shell supports; default `^0.1.0`. */
  supportedSdk?: string;
  /** The province's limit on a widget's home route, gzip bytes; default 48 KB. */
  homeRouteLimit?: number;
  /** Origins allowed to read browser assets with CORS; default any. */
  shellOrigins?: string[];
  /** Addresses (or CIDRs) of reverse proxies whose X-Forwarded-For is believed; default none. */
  trustProxy?: string[];
  /**
   * A registry to proxy (and cache) the packages this one does not own, e.g. the public npm registry or
   * a government mirror of it; off when omitted. The province's and counties' scopes are never proxied.
   */
  uplink?: { url: string; timeoutMs?: number; maxAgeSeconds?: number };
  logger?: boolean;
  /** When set, `GET /metrics` answers only `Authorization: Bearer <token>`. */
  metricsToken?: string;
  /** Sees every route as it is registered (the authorisation matrix test lists them with it). */
  onRoute?: (route: { method: string | string[]; url: string }) => void;
}

export const DEFAULT_MAX_PUBLISH_BYTES = 50 * 1024 * 1024;

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  // Checked before anything is opened: a bad asset origin must not leave a database open.
  const publicUrl = options.publicUrl.replace(/\/+$/, '');
  const assetUrl = options.assetOrigin?.replace(/\/+$/, '') ?? publicUrl;
  const assetHost = options.assetOrigin === undefined ? null : assetHostOf(assetUrl, publicUrl);
  let storage = options.storage;
  const ownsStorage = !storage;
  if (!storage) {
    if (!options.dataDir) throw new Error('buildApp needs dataDir or storage');
    storage = await openStorage(options.dataDir, options.scale);
  }
  let keys = options.keys;
  if (!keys) {
    if (!options.dataDir) throw new Error('buildApp needs dataDir or keys');
    keys = loadOrCreateKeys(options.dataDir, options.signingKeyFile);
  }
  // Behind nginx or a CDN the client address is in X-Forwarded-For; it is believed only from the proxies
  // named here, so rate limits and the audit log see residents, not the proxy.
  const app = Fastify({
    ...requestIdOptions(),
    logger: options.logger ?? false,
    // One line per request (below) instead of Fastify's two: writing the log was the largest share of
    // the registry's time under load (bench profile).
    disableRequestLogging: true,
    trustProxy: options.trustProxy ?? false,
  });
  if (options.logger) {
    app.addHook('onResponse', (request, reply, done) => {
      request.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
      done();
    });
  }

  const onRoute = options.onRoute;
  if (onRoute) app.addHook('onRoute', (route) => onRoute({ method: route.method, url: route.url }));
  installErrorHandler(app, { family: registryErrors, generic: GENERIC_CODES, decorate: withCodeAndLink });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // First of all hooks, so the asset host answers nothing else whatever is registered later.
  if (assetHost !== null) installAssetOrigin(app, assetHost, assetUrl);
  // /healthz, /readyz (a metadata read and a blob lookup), /metrics, request ids; before the OpenAPI
  // document, which lists only the npm and catalog routes registered after it.
  const probed = storage;
  await app.register(serviceOps, {
    service: 'registry',
    metricsToken: options.metricsToken,
    checks: {
      database: () => probed.packages.getPackage('@cunmen/readiness-probe'),
      objects: () => probed.blobs.has('0'.repeat(64)),
    },
  });
  if (ownsStorage) {
    const owned = storage;
    app.addHook('onClose', async () => owned.close());
  }

  const routeOptions = {
    storage,
    keys,
    publicUrl,
    assetUrl,
    maxPublishBytes: options.maxPublishBytes ?? DEFAULT_MAX_PUBLISH_BYTES,
    supportedSdk: options.supportedSdk ?? DEFAULT_SUPPORTED_SDK,
    homeRouteLimit: options.homeRouteLimit ?? DEFAULT_HOME_ROUTE_LIMIT,
    shellOrigins: options.shellOrigins ?? [],
    uplink: options.uplink
      ? {
          url: options.uplink.url,
          timeoutMs: options.uplink.timeoutMs ?? DEFAULT_UPLINK_TIMEOUT_MS,
          maxAgeSeconds: options.uplink.maxAgeSeconds ?? DEFAULT_UPLINK_MAX_AGE_SECONDS,
        }
      : null,
  };
  await registerOpenApi(app, routeOptions.publicUrl); // first: it documents the routes registered after it
  await app.register(pingRoutes);
  await app.register(whoamiRoutes, routeOptions);
  await app.register(loginRoutes, routeOptions);
  await app.register(reviewRoutes, routeOptions);
  await app.register(assetRoutes, routeOptions);
  await app.register(distTagRoutes, routeOptions);
  await app.register(publishRoutes, routeOptions);
  await app.register(searchRoutes, routeOptions);
  await app.register(catalogRoutes, routeOptions);
  await app.register(packageRoutes, routeOptions);
  return app;
}
