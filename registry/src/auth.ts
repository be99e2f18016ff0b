/** Resolves the user behind a request's `Authorization: Bearer <token>` header. */
import type { FastifyRequest } from 'fastify';
import { regError } from './errors.js';
import { bearerToken, hashToken } from './services/tokens.js';
import type { Storage, User } from './storage/types.js';

export async function optionalUser(storage: Storage, request: FastifyRequest): Promise<User | null> {
  const token = bearerToken(request.headers.authorization);
  if (token === null) return null;
  return storage.accounts.findUserByTokenHash(hashToken(token));
}

export async function requireUser(storage: Storage, request: FastifyRequest): Promise<User> {
  const header = request.headers.authorization;
  if (!header) {
    throw regError(
      'REG_ERR_UNAUTHORIZED',
      'authentication required: send a registry token as a Bearer token',
    );
  }
  const user = await optionalUser(storage, request);
  if (!user) throw regError('REG_ERR_UNAUTHORIZED', 'the registry token is unknown or revoked');
  return user;
}
