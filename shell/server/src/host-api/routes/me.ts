/** `GET /me` (`user.read`): the signed-in user as widgets may see them, or `null`. */
import type { FastifyInstance } from 'fastify';
import { callOf, type HostRoutesContext, hostRoute } from '../context.js';
import { hostUser } from '../host-user.js';

export function meRoutes(api: FastifyInstance, ctx: HostRoutesContext): void {
  hostRoute(api, 'me', {}, async (request) => {
    const user = callOf(request).user;
    return { user: user ? hostUser(user, ctx.publicUserId(user.id)) : null };
  });
}
