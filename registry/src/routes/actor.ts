/** The actor behind a request, for services that check roles and write the audit log. */
import type { FastifyRequest } from 'fastify';
import { requireUser } from '../auth.js';
import type { Actor } from '../services/review.js';
import type { Storage } from '../storage/types.js';

export async function requestActor(storage: Storage, request: FastifyRequest): Promise<Actor> {
  return { user: await requireUser(storage, request), ip: request.ip };
}
