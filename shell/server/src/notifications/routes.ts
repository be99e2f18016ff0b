/**
 * The inbox (消息) of whoever is signed in, on the origin they signed in on — residents on the portal,
 * staff on the console (or the portal, when the shell serves no console):
 *
 * - `GET /api/inbox?page=1&pageSize=20`: `{ items: [{ id, module, title, body, link, createdAt, readAt }],
 *   page, pageSize, total, unread }`, newest first;
 * - `GET /api/inbox/unread-count`: `{ unread }`, for the badge;
 * - `POST /api/inbox/read` with `{ id }` or `{ all: true }`: `{ marked, unread }`.
 *
 * A user reads and marks only their own inbox (their notices and their role's, ./store.ts): another
 * user's notice id answers 404 and changes nothing. The POST rides on the session cookie, so it carries
 * the session's CSRF token like every cookie write (identity/plugin.ts).
 */
import { parseWith } from '@cunmen/errors';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { shellError, shellErrors } from '../errors.js';
import { MFA_ROLES } from '../identity/roles.js';
import type { NotificationStore, Reader } from './store.js';

export interface InboxRouteOptions {
  store: NotificationStore;
  now: () => Date;
}

const pageQuery = z
  .object({
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(50).default(20),
  })
  .strict();

const readBody = z.union([
  z.object({ id: z.number().int().positive() }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);

function readerOf(request: FastifyRequest): Reader {
  const identity = request.identity;
  if (!identity)
    throw shellError('SHELL_ERR_UNAUTHORIZED', 'sign in to read your messages', { zh: '请先登录' });
  const { user, session } = identity;
  if (MFA_ROLES.has(user.role) && !session.mfaPassed) {
    throw shellError('SHELL_ERR_MFA_REQUIRED', 'this role needs its second factor (TOTP) first', {
      zh: '该角色需要先完成动态口令（二次验证）',
    });
  }
  return { id: user.id, role: user.role, division: user.division };
}

export const inboxRoutes: FastifyPluginAsync<InboxRouteOptions> = async (app, { store, now }) => {
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('cache-control', 'no-store');
    return payload;
  });

  app.get('/api/inbox', async (request) => {
    const reader = readerOf(request);
    const { page, pageSize } = parseWith(
      pageQuery,
      request.query ?? {},
      shellErrors,
      'SHELL_ERR_BAD_REQUEST',
      'query',
    );
    const listed = await store.list(reader, page, pageSize);
    return { ...listed, unread: await store.unreadCount(reader) };
  });

  app.get('/api/inbox/unread-count', async (request) => ({
    unread: await store.unreadCount(readerOf(request)),
  }));

  app.post('/api/inbox/read', async (request) => {
    const reader = readerOf(request);
    const body = parseWith(readBody, request.body ?? {}, shellErrors, 'SHELL_ERR_BAD_REQUEST', 'body');
    let marked: number;
    if ('all' in body) marked = await store.markAllRead(reader, now());
    else {
      if (!(await store.markRead(reader, body.id, now()))) {
        throw shellError('SHELL_ERR_NOT_FOUND', `no message ${body.id} in your inbox`, {
          zh: '没有这条消息',
        });
      }
      marked = 1;
    }
    return { marked, unread: await store.unreadCount(reader) };
  });
};
