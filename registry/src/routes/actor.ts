/** The actor behind a request, for services that check roles and write the audit log. */
import type { FastifyRequest } from 'fastify';
import { requireUser } from '../auth.js';
import type { Storage, User } from '../storage/types.js';

/** A request's signed-in actor: the token's user and the client address. */
export interface RequestActor {
  user: User;
  ip: string;
}

export async function requestActor(storage: Storage, request: FastifyRequest): Promise<RequestActor> {
  return { user: await requireUser(storage, request), ip: request.ip };
}

/**
 * A hook that resolves the actor, and runs `check` on it, before the route's input is validated (as
 * `preValidation`) or even read (as `onRequest`): a stranger learns nothing about the format. The
 * handler reads the actor back with `actorOf`.
 */
export function authenticateFirst(
  storage: Storage,
  check?: (actor: RequestActor, request: FastifyRequest) => void | Promise<void>,
) {
  const actors = new WeakMap<FastifyRequest, RequestActor>();
  return {
    hook: async (request: FastifyRequest) => {
      const actor = await requestActor(storage, request);
      await check?.(actor, request);
      actors.set(request, actor);
    },
    actorOf: (request: FastifyRequest): RequestActor => {
      const actor = actors.get(request);
      if (!actor) throw new Error('the route did not install the authentication hook');
      return actor;
    },
  };
}
