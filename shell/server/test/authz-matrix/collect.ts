/**
 * The route tables of every Fastify instance the shell builds, as Fastify itself reports them: each
 * instance made by the (mocked) `fastify` factory gets an `onRoute` hook before anything can register
 * a route on it, and children inherit it. The matrix then asks which instance is which origin.
 */
import type { FastifyInstance } from 'fastify';

export interface CollectedRoute {
  method: string;
  url: string;
}

const tables = new WeakMap<FastifyInstance, CollectedRoute[]>();

export function recordRoutes<T extends FastifyInstance>(app: T): T {
  const routes: CollectedRoute[] = [];
  tables.set(app, routes);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) routes.push({ method: String(method).toUpperCase(), url: route.url });
  });
  return app;
}

/** The routes registered on `app` (and its children), in order. */
export function routesOf(app: FastifyInstance): CollectedRoute[] {
  const routes = tables.get(app);
  if (!routes) throw new Error('this Fastify instance was not made through the mocked factory');
  return routes;
}

export const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
