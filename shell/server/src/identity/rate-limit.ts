/**
 * The rate-limit plugin identity registers for the whole app (sign-in here; the host API's routes use it
 * too): counted in this process, or in a shared store when several instances serve one platform.
 */
import rateLimit, { type FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { shellError } from '../errors.js';

export async function registerRateLimits(app: FastifyInstance, store?: FastifyRateLimitStoreCtor) {
  await app.register(rateLimit, {
    global: false,
    ...(store ? { store } : {}),
    errorResponseBuilder: (_req, ctx) => {
      const seconds = Math.ceil(ctx.ttl / 1000);
      return shellError('SHELL_ERR_RATE_LIMITED', `too many sign-in attempts; try again in ${seconds} s`, {
        zh: `登录尝试过多，请 ${seconds} 秒后再试`,
      });
    },
  });
}
