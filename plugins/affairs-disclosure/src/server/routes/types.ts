import type { ModuleContext } from '@cunmen/module-api';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** One route of the module. Every route is declared in a table, so tests can walk all of them. */
export interface RouteSpec {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  bodyLimit?: number;
  handler(ctx: ModuleContext, request: FastifyRequest, reply: FastifyReply): Promise<unknown>;
}

export const param = (request: FastifyRequest, name: string): string =>
  String((request.params as Record<string, string>)[name] ?? '');

export const query = (request: FastifyRequest): Record<string, string | undefined> =>
  (request.query ?? {}) as Record<string, string | undefined>;
