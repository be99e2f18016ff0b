/** `GET /-/ping`: npm's health check (`npm ping`). */
import type { FastifyPluginAsync } from 'fastify';

export const pingRoutes: FastifyPluginAsync = async (app) => {
  app.get('/-/ping', async () => ({}));
};
