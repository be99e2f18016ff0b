/** `GET /-/whoami`: the user behind the Bearer token (`npm whoami`). */
import type { FastifyPluginAsync } from 'fastify';
import { requireUser } from '../auth.js';
import type { RouteOptions } from './options.js';

export const whoamiRoutes: FastifyPluginAsync<RouteOptions> = async (app, opts) => {
  app.get('/-/whoami', async (request) => {
    const user = await requireUser(opts.storage, request);
    return { username: user.name };
  });
};
