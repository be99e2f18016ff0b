/**
 * A module's routes as one table: every route is data (`method`, `url`, an optional body limit and a
 * handler that receives the module's context), so a module registers them in one loop and its tests can
 * walk all of them (e.g. "no route changes a published record"). The handlers stay free of Fastify
 * plugin wiring; the logic they call lives in the module's services, which import no Fastify at all.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleContext } from './module.js';

/** One route of a module; `C` is what its handlers receive (the module context, or more). */
export interface ModuleRoute<C = ModuleContext> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Relative to the module prefix, e.g. `/items/:id`. */
  url: string;
  bodyLimit?: number;
  handler(context: C, request: FastifyRequest, reply: FastifyReply): Promise<unknown>;
}

/** Registers every route of the table in the module's scope, each handed `context`. */
export function registerRoutes<C>(app: FastifyInstance, routes: readonly ModuleRoute<C>[], context: C): void {
  for (const route of routes) {
    app.route({
      method: route.method,
      url: route.url,
      ...(route.bodyLimit ? { bodyLimit: route.bodyLimit } : {}),
      handler: (request, reply) => route.handler(context, request, reply),
    });
  }
}

/** A path parameter as a string (`''` when absent). */
export const param = (request: FastifyRequest, name: string): string =>
  String((request.params as Record<string, string | undefined>)[name] ?? '');

/** The query string as Fastify parsed it. */
export const query = (request: FastifyRequest): Record<string, string | undefined> =>
  (request.query ?? {}) as Record<string, string | undefined>;
