/**
 * The real `HostApi`: a small fetch client for the shell server's host API. The HTTP contract — routes,
 * capabilities, name patterns, limits — is `@cunmen/host-api` (its `routes.ts` has the table); the
 * shell server implements the same. Every call carries `authorization: Bearer <widget credential>`; the
 * server resolves widget, village and user from it and checks the GRANTED capabilities first.
 *
 * Arguments are checked before anything is sent (`SDK_ERR_INVALID_ARGUMENT`); refusals of the server
 * become `HostError`s with its code (`SHELL_ERR_…`), status, zh-CN message, request id and field, and
 * 403 `SHELL_ERR_CAPABILITY_DENIED` becomes `CapabilityDeniedError` (reply-errors.ts).
 */
import {
  COLLECTION_HEADER,
  FILENAME_HEADER,
  HOST_API_PATH,
  HOST_ROUTES,
  type HostRouteName,
  hostPath,
  MODULE_API_PATH,
} from '@cunmen/host-api';
import { HostError, invalidArgument } from './errors.js';
import type { HostApi, ModuleMethod } from './host-api.js';
import { type Call, createTransport, type Reply } from './http-transport.js';
import { isObject } from './reply-errors.js';
import type { StoredDoc } from './types.js';
import {
  checkCollection,
  checkFormId,
  checkId,
  checkJson,
  checkListOptions,
  checkModuleId,
  checkModulePath,
  checkPointsRequest,
  checkUpload,
  checkVersion,
} from './validate.js';

export { HOST_API_PATH, MODULE_API_PATH };

export interface HttpHostApiOptions {
  /** The shell server's origin (and path prefix, if any), e.g. `https://cunmen.zj.gov.cn`; `''` = same origin. */
  baseUrl: string;
  /** The widget credential, or a function returning the current one (read before every request). */
  credential: string | (() => string | Promise<string>);
  fetch?: typeof fetch;
  /** Per request, default 15 000 ms. */
  timeoutMs?: number;
  /** For `media.upload`, default 120 000 ms (photos over a weak rural network). */
  uploadTimeoutMs?: number;
  /**
   * The standard module this widget belongs to (`complaints` for `@cunmen/complaints`); its calls go to
   * `/api/modules/<module>`. Without it `api.module` rejects with `SDK_ERR_INVALID_ARGUMENT`.
   */
  module?: string;
}

function badShape(call: string, expected: string): HostError {
  return new HostError({
    code: 'SDK_ERR_BAD_RESPONSE',
    detail: `${call}: the server's reply is not ${expected}.`,
  });
}

function doc<T>(method: string, body: unknown): StoredDoc<T> {
  if (!isObject(body) || typeof body.id !== 'string' || typeof body.version !== 'number') {
    throw badShape(method, 'a StoredDoc { id, data, version, createdAt, updatedAt }');
  }
  return body as unknown as StoredDoc<T>;
}

/** `SHELL_ERR_NOT_FOUND` (404) is how `store.get` learns there is no document, and `remove` that it is gone. */
function isNotFound(error: unknown): boolean {
  return error instanceof HostError && error.status === 404 && error.code === 'SHELL_ERR_NOT_FOUND';
}

function uploadHeaders(file: Blob, filename: string): Record<string, string> {
  return {
    'content-type': file.type || 'application/octet-stream',
    [FILENAME_HEADER]: encodeURIComponent(filename),
  };
}

/**
 * Creates the host API client the shell gives each widget.
 *
 * @example
 * const api = createHttpHostApi({ baseUrl: '', credential: widgetToken });
 * const { items } = await api.store.list('bookings', { limit: 10 });
 */
export function createHttpHostApi(options: HttpHostApiOptions): HostApi {
  if (typeof options?.baseUrl !== 'string') {
    throw invalidArgument(
      'baseUrl',
      { 'zh-CN': '服务器地址字符串', en: "the shell server's URL (a string)" },
      options?.baseUrl,
    );
  }
  const credential = options.credential;
  if (!(typeof credential === 'function' || (typeof credential === 'string' && credential !== ''))) {
    throw invalidArgument(
      'credential',
      { 'zh-CN': '组件凭证', en: 'a non-empty widget credential' },
      credential,
    );
  }
  const base = options.baseUrl.replace(/\/+$/, '');
  const root = base + HOST_API_PATH;
  const moduleRoot = () => `${base}${MODULE_API_PATH}/${checkModuleId(options.module)}`;
  const send = createTransport({
    base,
    credential,
    fetch: options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init)),
  });
  const timeoutMs = options.timeoutMs ?? 15_000;
  const uploadTimeoutMs = options.uploadTimeoutMs ?? 120_000;

  /** A host route with its parameters filled in, and optionally a JSON body. */
  function route(
    name: HostRouteName,
    params: Record<string, string> = {},
    extra: Partial<Call> = {},
  ): Promise<Reply> {
    const path = hostPath(HOST_ROUTES[name], params);
    return send({ method: name, httpMethod: HOST_ROUTES[name].method, root, path, timeoutMs, ...extra });
  }

  return {
    async me() {
      const reply = await route('me');
      if (!isObject(reply.body) || !('user' in reply.body)) throw badShape('me()', '{ user }');
      return (reply.body.user ?? null) as Awaited<ReturnType<HostApi['me']>>;
    },
    store: {
      async list<T>(collection: string, listOptions?: { cursor?: string | null; limit?: number }) {
        const name = checkCollection(collection);
        const { cursor, limit } = checkListOptions(listOptions);
        const query = new URLSearchParams();
        if (cursor !== null) query.set('cursor', cursor);
        query.set('limit', String(limit));
        const path = `${hostPath(HOST_ROUTES['store.list'], { collection: name })}?${query.toString()}`;
        const reply = await send({ method: 'store.list', httpMethod: 'GET', root, path, timeoutMs });
        const body = reply.body;
        if (
          !isObject(body) ||
          !Array.isArray(body.items) ||
          !(body.nextCursor === null || typeof body.nextCursor === 'string')
        ) {
          throw badShape('store.list()', '{ items: StoredDoc[], nextCursor }');
        }
        return { items: body.items.map((item) => doc<T>('store.list()', item)), nextCursor: body.nextCursor };
      },
      async get<T>(collection: string, id: string) {
        const params = { collection: checkCollection(collection), id: checkId('id', id) };
        try {
          return doc<T>('store.get()', (await route('store.get', params)).body);
        } catch (error) {
          if (isNotFound(error)) return null;
          throw error;
        }
      },
      async create<T>(collection: string, data: T) {
        const params = { collection: checkCollection(collection) };
        const json = `{"data":${checkJson('data', data)}}`;
        return doc<T>('store.create()', (await route('store.create', params, { json })).body);
      },
      async put<T>(collection: string, id: string, data: T, putOptions?: { ifVersion?: number }) {
        const params = { collection: checkCollection(collection), id: checkId('id', id) };
        const dataJson = checkJson('data', data);
        const ifVersion = checkVersion(putOptions?.ifVersion);
        const json =
          ifVersion === undefined ? `{"data":${dataJson}}` : `{"data":${dataJson},"ifVersion":${ifVersion}}`;
        return doc<T>('store.put()', (await route('store.put', params, { json })).body);
      },
      async remove(collection: string, id: string) {
        const params = { collection: checkCollection(collection), id: checkId('id', id) };
        try {
          await route('store.remove', params);
        } catch (error) {
          if (!isNotFound(error)) throw error;
        }
      },
    },
    forms: {
      async submit(formId, data) {
        const params = { formId: checkFormId(formId) };
        const reply = await route('forms.submit', params, { json: `{"data":${checkJson('data', data)}}` });
        const body = reply.body;
        if (!isObject(body) || typeof body.id !== 'string' || typeof body.receivedAt !== 'string') {
          throw badShape('forms.submit()', '{ id, receivedAt }');
        }
        return { id: body.id, receivedAt: body.receivedAt };
      },
    },
    points: {
      async request(request) {
        const { item, householdId, quantity, note, evidence } = checkPointsRequest(request);
        const json = JSON.stringify({ item, householdId, quantity, note, evidence });
        const body = (await route('points.request', {}, { json })).body;
        if (!isObject(body) || typeof body.id !== 'string' || body.status !== 'pending') {
          throw badShape('points.request()', "{ id, status: 'pending' }");
        }
        return { id: body.id, status: 'pending' };
      },
    },
    media: {
      async upload(file, uploadOptions) {
        const filename = checkUpload(file, uploadOptions);
        const collection = uploadOptions?.collection;
        const reply = await route(
          'media.upload',
          {},
          {
            body: file,
            headers: {
              ...uploadHeaders(file, filename),
              ...(collection === undefined ? {} : { [COLLECTION_HEADER]: checkCollection(collection) }),
            },
            timeoutMs: uploadTimeoutMs,
          },
        );
        const body = reply.body;
        if (!isObject(body) || typeof body.id !== 'string' || typeof body.url !== 'string') {
          throw badShape('media.upload()', '{ id, url }');
        }
        return { id: body.id, url: body.url };
      },
      async get(id) {
        const reply = await route(
          'media.get',
          { id: checkId('id', id) },
          { blob: true, timeoutMs: uploadTimeoutMs },
        );
        return reply.body as Blob;
      },
    },
    module: {
      async request<T>(method: ModuleMethod, path: string, body?: unknown) {
        if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) {
          throw invalidArgument(
            'method',
            { 'zh-CN': 'GET、POST、PUT、PATCH 或 DELETE', en: 'GET, POST, PUT, PATCH or DELETE' },
            method,
          );
        }
        const reply = await send({
          method: 'module.request',
          httpMethod: method,
          root: moduleRoot(),
          path: checkModulePath(path),
          timeoutMs,
          ...(body === undefined ? {} : { json: checkJson('body', body) }),
        });
        return reply.body as T;
      },
      async upload<T>(path: string, file: Blob, uploadOptions?: { filename?: string }) {
        const filename = checkUpload(file, {
          filename: uploadOptions?.filename ?? (file as File).name ?? 'file',
        });
        const reply = await send({
          method: 'module.upload',
          httpMethod: 'POST',
          root: moduleRoot(),
          path: checkModulePath(path),
          body: file,
          headers: uploadHeaders(file, filename),
          timeoutMs: uploadTimeoutMs,
        });
        return reply.body as T;
      },
      async download(path: string) {
        const reply = await send({
          method: 'module.download',
          httpMethod: 'GET',
          root: moduleRoot(),
          path: checkModulePath(path),
          blob: true,
          timeoutMs: uploadTimeoutMs,
        });
        return reply.body as Blob;
      },
    },
  };
}
