/**
 * The widget's document store for the village: `GET /store/:collection` (newest first, opaque cursor),
 * `GET|PUT|DELETE /store/:collection/:id`, `POST /store/:collection`. Reads need `store.read` and what
 * the collection's visibility asks (../visibility.ts); writes `store.write` and a signed-in user of the
 * village; a resident changes only documents they created, staff of the village any. Each widget's
 * store stays within its quota, checked in the write's transaction.
 */
import {
  checkCursor,
  checkId,
  checkIfVersion,
  checkKnownFields,
  checkLimit,
  cursorProblem,
  DEFAULT_PAGE_LIMIT,
  MAX_JSON_BODY_BYTES,
  refusals,
} from '@cunmen/host-api';
import type { FastifyInstance } from 'fastify';
import { shellError } from '../../errors.js';
import type { IdentityUser } from '../../identity/store.js';
import type { HostWriteResult } from '../../storage/types.js';
import {
  callOf,
  check,
  dataText,
  type HostRoutesContext,
  hostRoute,
  isStaff,
  jsonBody,
  limited,
  newId,
  refuse,
  scopeOf,
  signedIn,
  storedDoc,
} from '../context.js';
import type { HostCall } from '../credentials.js';
import { collectionScope } from '../visibility.js';

function encodeCursor(seq: number): string {
  return Buffer.from(`s${seq}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^s[1-9]\d{0,14}$/.test(text) || encodeCursor(Number(text.slice(1))) !== cursor) {
    throw refuse(refusals.invalid(cursorProblem()));
  }
  return Number(text.slice(1));
}

/** `?limit=` as the integer it spells, or NaN (so the limit check refuses it). */
function queryInteger(value: unknown): number {
  return typeof value === 'string' && /^\d{1,3}$/.test(value) ? Number(value) : Number.NaN;
}

type Params = { collection: string; id: string };

export function storeRoutes(api: FastifyInstance, ctx: HostRoutesContext): void {
  const { host, limits } = ctx;
  const quota = { maxDocs: limits.docsPerWidget, maxBytes: limits.bytesPerWidget };
  const writes = { config: limited(limits.writesPerMinute) };
  const jsonWrites = { ...writes, bodyLimit: Math.max(MAX_JSON_BODY_BYTES, limits.docBytes * 2) };
  const mayChange = (user: IdentityUser, call: HostCall) => (existing: { createdBy: number | null }) =>
    existing.createdBy === user.id || isStaff(user, call.village);
  const writeRefused = (result: HostWriteResult & { ok: false }, id: string) => {
    if (result.reason === 'conflict') return refuse(refusals.versionConflict(id, result.current));
    if (result.reason === 'forbidden') return refuse(refusals.notAuthor(id));
    return shellError(
      'SHELL_ERR_QUOTA_EXCEEDED',
      `this widget's store in the village is full (at most ${limits.docsPerWidget} documents, ${limits.bytesPerWidget} bytes)`,
    );
  };

  hostRoute<Params>(api, 'store.list', {}, async (request) => {
    const call = callOf(request);
    const scope = scopeOf(call, request.params.collection);
    const reader = collectionScope(call, scope.collection);
    const query = (request.query ?? {}) as Record<string, unknown>;
    check(checkKnownFields(query, ['cursor', 'limit']));
    const limit = query.limit === undefined ? DEFAULT_PAGE_LIMIT : queryInteger(query.limit);
    check(checkLimit(limit));
    let before: number | null = null;
    if (query.cursor !== undefined) {
      check(checkCursor(query.cursor));
      before = decodeCursor(query.cursor as string);
    }
    const byAuthor = reader.all ? {} : { createdBy: reader.author };
    const page = await host.listDocs(scope, { limit, before, ...byAuthor });
    return {
      items: page.docs.map(storedDoc),
      nextCursor: page.next === null ? null : encodeCursor(page.next),
    };
  });

  hostRoute<Params>(api, 'store.get', {}, async (request) => {
    const call = callOf(request);
    const scope = scopeOf(call, request.params.collection);
    const reader = collectionScope(call, scope.collection);
    const id = request.params.id;
    check(checkId(id));
    const doc = await host.getDoc(scope, id);
    // Another resident's document in an `owner` collection is as absent as a missing one.
    if (!doc || (!reader.all && doc.createdBy !== reader.author)) {
      throw shellError('SHELL_ERR_NOT_FOUND', `no document ${id} in ${scope.collection}`, {
        zh: `没有这条数据（${id}）`,
      });
    }
    return storedDoc(doc);
  });

  hostRoute<Params>(api, 'store.create', jsonWrites, async (request, reply) => {
    const call = callOf(request);
    const scope = scopeOf(call, request.params.collection);
    const user = signedIn(call);
    const data = dataText(jsonBody(request.body, ['data']), limits.docBytes);
    const id = newId();
    const result = await host.createDoc(
      scope,
      id,
      { data, by: user.id, at: new Date().toISOString() },
      quota,
    );
    if (!result.ok) throw writeRefused(result, id);
    return reply.code(201).send(storedDoc(result.doc));
  });

  hostRoute<Params>(api, 'store.put', jsonWrites, async (request) => {
    const call = callOf(request);
    const scope = scopeOf(call, request.params.collection);
    const id = request.params.id;
    check(checkId(id));
    const user = signedIn(call);
    const body = jsonBody(request.body, ['data', 'ifVersion']);
    const data = dataText(body, limits.docBytes);
    check(checkIfVersion(body.ifVersion));
    const ifVersion = body.ifVersion as number | undefined;
    const write = { data, by: user.id, at: new Date().toISOString(), ifVersion };
    const result = await host.putDoc(scope, id, write, quota, mayChange(user, call));
    if (!result.ok) throw writeRefused(result, id);
    return storedDoc(result.doc);
  });

  hostRoute<Params>(api, 'store.remove', writes, async (request, reply) => {
    const call = callOf(request);
    const scope = scopeOf(call, request.params.collection);
    const id = request.params.id;
    check(checkId(id));
    const user = signedIn(call);
    const outcome = await host.deleteDoc(scope, id, mayChange(user, call));
    if (outcome === 'forbidden') throw writeRefused({ ok: false, reason: 'forbidden' }, id);
    return reply.code(204).send();
  });
}
