/** The actor behind a request, for services that check roles and write the audit log. */
import type { FastifyRequest } from 'fastify';
import { requireUser } from '../auth.js';
import type { Actor } from '../services/actor.js';
import type { Storage } from '../storage/types.js';

export async function requestActor(storage: Storage, request: FastifyRequest): Promise<Actor> {
  return { user: await requireUser(storage, request), ip: request.ip };
}

/**
 * A `preValidation` hook that resolves the actor before the body is validated (a stranger learns
 * nothing about the format), and the handler's way to read it back.
 */
export function authenticatedBeforeValidation(storage: Storage) {
  const actors = new WeakMap<FastifyRequest, Actor>();
  return {
    preValidation: async (request: FastifyRequest) => {
      actors.set(request, await requestActor(storage, request));
    },
    actorOf: (request: FastifyRequest): Actor => {
      const actor = actors.get(request);
      if (!actor) throw new Error('the route did not install the authentication hook');
      return actor;
    },
  };
}
