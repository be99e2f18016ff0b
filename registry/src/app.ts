/**
 * `buildApp`: the registry as a Fastify instance, each endpoint group an encapsulated plugin that gets
 * the storage and the public URL as options. Errors become `{ error, code }` with a 4xx for client
 * input; anything unexpected is logged and answered as a 500 with the request id, never a stack.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { toErrorResponse } from './errors.js';
import { distTagRoutes } from './routes/dist-tags.js';
import { packageRoutes } from './routes/packages.js';
import { pingRoutes } from './routes/ping.js';
import { publishRoutes } from './routes/publish.js';
import { whoamiRoutes } from './routes/whoami.js';
import { openStorage } from './storage/index.js';
import type { Storage } from './storage/types.js';

export interface BuildAppOptions {
  /** Data directory of the embedded store (SQLite + blobs); ignored when `storage` is given. */
  dataDir?: string;
  storage?: Storage;
  /** Base URL clients reach the registry at; tarball URLs are built from it. */
  publicUrl: string;
  /** Largest publish body in bytes; default 50 MB. */
  maxPublishBytes?: number;
  logger?: boolean;
}

export const DEFAULT_MAX_PUBLISH_BYTES = 50 * 1024 * 1024;

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  let storage = options.storage;
  const ownsStorage = !storage;
  if (!storage) {
    if (!options.dataDir) throw new Error('buildApp needs dataDir or storage');
    storage = await openStorage(options.dataDir);
  }
  const app = Fastify({ logger: options.logger ?? false });

  app.setErrorHandler((err, request, reply) => {
    const { status, body } = toErrorResponse(err, request.id);
    if (status >= 500) request.log.error({ err }, 'request failed');
    return reply.code(status).send(body);
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send({ error: `no such endpoint: ${request.method} ${request.url}`, code: 'REG_ERR_NOT_FOUND' }),
  );
  if (ownsStorage) {
    const owned = storage;
    app.addHook('onClose', async () => owned.meta.close());
  }

  const routeOptions = {
    storage,
    publicUrl: options.publicUrl.replace(/\/+$/, ''),
    maxPublishBytes: options.maxPublishBytes ?? DEFAULT_MAX_PUBLISH_BYTES,
  };
  await app.register(pingRoutes);
  await app.register(whoamiRoutes, routeOptions);
  await app.register(distTagRoutes, routeOptions);
  await app.register(publishRoutes, routeOptions);
  await app.register(packageRoutes, routeOptions);
  return app;
}
