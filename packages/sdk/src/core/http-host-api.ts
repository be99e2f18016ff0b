/**
 * The real `HostApi`: a small fetch client for the shell server's host API.
 *
 * HTTP contract (host API v1) — the shell server implements exactly this:
 *
 * - Every route is under `${baseUrl}/api/host/v1` and carries `authorization: Bearer <widget credential>`,
 *   the credential the shell issued for this widget on this page. The server resolves widget, village and
 *   session from it and checks the widget's GRANTED capabilities before doing anything.
 * - Request and response bodies are JSON (`content-type: application/json`) except the media upload.
 *
 * | call              | request                                                   | success                     | capability     |
 * | ----------------- | --------------------------------------------------------- | --------------------------- | -------------- |
 * | `me()`            | `GET /me`                                                 | 200 `{ user: HostUser\|null }` | user.read   |
 * | `store.list`      | `GET /store/:collection?cursor=&limit=` (limit 1–100, default 20; newest first) | 200 `{ items: StoredDoc[], nextCursor: string\|null }` | store.read |
 * | `store.get`       | `GET /store/:collection/:id`                              | 200 `StoredDoc`; 404 `SHELL_ERR_NOT_FOUND` → `null` | store.read |
 * | `store.create`    | `POST /store/:collection` `{ data }`                      | 201 `StoredDoc` (version 1) | store.write    |
 * | `store.put`       | `PUT /store/:collection/:id` `{ data, ifVersion? }`       | 200 `StoredDoc`; creates when missing and no ifVersion; 409 `SHELL_ERR_VERSION_CONFLICT` when `ifVersion` ≠ current (or the doc is missing) | store.write |
 * | `store.remove`    | `DELETE /store/:collection/:id`                           | 204 (also when already gone) | store.write   |
 * | `forms.submit`    | `POST /forms/:formId` `{ data }`                          | 201 `{ id, receivedAt }`    | form.submit    |
 * | `points.request`  | `POST /points/requests` `{ item, householdId?, quantity?, note?, evidence? }` | 201 `{ id, status: 'pending' }` | points.request |
 * | `media.upload`    | `POST /media`, raw body, `content-type: <file type>`, `x-filename: <encodeURIComponent(filename)>` | 201 `{ id, url }` | media.upload |
 *
 * `StoredDoc` is `{ id, data, version, createdAt, updatedAt }` (ISO 8601 times). Collection and form ids
 * match `/^[a-z][a-z0-9-]{0,62}$/`, document and media ids `/^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/`; the
 * client checks them before sending (`SDK_ERR_INVALID_ARGUMENT`), the server checks them again (400
 * `SHELL_ERR_INVALID_ARGUMENT`). The filename header is percent-encoded because header values cannot
 * carry Chinese characters.
 *
 * Errors are JSON `{ code, message, requestId? }` (`message` in zh-CN, safe to show; the request id may
 * also come as an `x-request-id` header). 403 `SHELL_ERR_CAPABILITY_DENIED` becomes `CapabilityDeniedError`;
 * any other status becomes `HostError { code, status, message, requestId }`. A request that does not reach
 * the server becomes `SDK_ERR_NETWORK`, one that takes longer than `timeoutMs` `SDK_ERR_TIMEOUT`, and a
 * reply that is not the JSON above (a proxy's error page, a captive portal) `SDK_ERR_BAD_RESPONSE`.
 */
import { CapabilityDeniedError, HostError, invalidArgument } from './errors.js';
import { type HostApi, type HostApiMethod, METHOD_CAPABILITIES, type ModuleMethod } from './host-api.js';
import type { StoredDoc } from './types.js';
import {
  checkCollection,
  checkFormId,
  checkId,
  checkJson,
  checkListOptions,
  checkModulePath,
  checkPointsRequest,
  checkUpload,
  checkVersion,
} from './validate.js';

export const HOST_API_PATH = '/api/host/v1';

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

interface Call {
  method: HostApiMethod;
  httpMethod: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  /** Instead of the host API root (module routes). */
  root?: string;
  /** Resolve the body as a Blob instead of JSON. */
  blob?: boolean;
  json?: string;
  body?: Blob;
  headers?: Record<string, string>;
  timeoutMs: number;
}

interface Reply {
  status: number;
  body: unknown;
}

export const MODULE_API_PATH = '/api/modules';

const NOT_FOUND = 'SHELL_ERR_NOT_FOUND';

function segment(value: string): string {
  return encodeURIComponent(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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
  const moduleId = options.module;
  const moduleRoot = () => {
    if (typeof moduleId !== 'string' || !/^[a-z][a-z0-9-]{1,39}$/.test(moduleId)) {
      throw invalidArgument(
        'module',
        {
          'zh-CN': '标准模块的编号（只有省级标准模块能调用自己的服务端接口）',
          en: 'the id of a standard module (only standard modules have server routes)',
        },
        moduleId,
      );
    }
    return `${base}${MODULE_API_PATH}/${moduleId}`;
  };
  const doFetch =
    options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 15_000;
  const uploadTimeoutMs = options.uploadTimeoutMs ?? 120_000;

  async function send(call: Call): Promise<Reply> {
    const token = typeof credential === 'function' ? await credential() : credential;
    const headers: Record<string, string> = {
      accept: call.blob ? '*/*' : 'application/json',
      authorization: `Bearer ${token}`,
    };
    if (call.json !== undefined) headers['content-type'] = 'application/json';
    Object.assign(headers, call.headers);
    const controller = typeof AbortController === 'function' ? new AbortController() : undefined;
    let timedOut = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        timedOut = true;
        controller?.abort();
        reject(new Error('timeout'));
      }, call.timeoutMs);
    });
    const where = `${call.httpMethod} ${call.root === undefined ? HOST_API_PATH : call.root.slice(base.length)}${call.path}`;
    try {
      const exchange = (async (): Promise<Reply> => {
        const response = await doFetch((call.root ?? root) + call.path, {
          method: call.httpMethod,
          headers,
          body: call.json ?? call.body,
          signal: controller?.signal,
        });
        if (call.blob && response.status >= 200 && response.status < 300) {
          return { status: response.status, body: await response.blob() };
        }
        const text = response.status === 204 ? '' : await response.text();
        let body: unknown;
        let parsed = true;
        try {
          body = text === '' ? undefined : JSON.parse(text);
        } catch {
          parsed = false;
        }
        const headerRequestId = response.headers.get('x-request-id') ?? undefined;
        if (response.status >= 200 && response.status < 300) {
          if (!parsed) {
            throw new HostError({
              code: 'SDK_ERR_BAD_RESPONSE',
              status: response.status,
              requestId: headerRequestId,
              detail: `${where} answered ${response.status} with a body that is not JSON.`,
            });
          }
          return { status: response.status, body };
        }
        const error = isObject(body) ? body : {};
        const code = typeof error.code === 'string' ? error.code : undefined;
        const message = typeof error.message === 'string' ? error.message : undefined;
        const requestId = typeof error.requestId === 'string' ? error.requestId : headerRequestId;
        if (response.status === 403 && code === 'SHELL_ERR_CAPABILITY_DENIED') {
          throw new CapabilityDeniedError(METHOD_CAPABILITIES[call.method], {
            status: 403,
            requestId,
            message,
          });
        }
        if (code === undefined) {
          throw new HostError({
            code: 'SDK_ERR_BAD_RESPONSE',
            status: response.status,
            requestId,
            detail: `${where} answered ${response.status} without a JSON error body { code, message }.`,
          });
        }
        throw new HostError({
          code,
          status: response.status,
          requestId,
          message,
          ...(typeof error.field === 'string' ? { field: error.field } : {}),
          detail: `${where} answered ${response.status} ${code}${message ? `: ${message}` : ''}`,
        });
      })();
      return await Promise.race([exchange, timeout]);
    } catch (error) {
      if (error instanceof HostError) throw error;
      if (timedOut) {
        throw new HostError({
          code: 'SDK_ERR_TIMEOUT',
          message: '请求超时，网络不稳定，请稍后重试',
          detail: `${where} got no answer within ${call.timeoutMs} ms.`,
          cause: error,
        });
      }
      throw new HostError({
        code: 'SDK_ERR_NETWORK',
        detail: `${where} did not reach the server: ${error instanceof Error ? error.message : String(error)}`,
        cause: error,
      });
    } finally {
      clearTimeout(timer);
    }
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

  const json = { timeoutMs };

  return {
    async me() {
      const reply = await send({ ...json, method: 'me', httpMethod: 'GET', path: '/me' });
      if (!isObject(reply.body) || !('user' in reply.body)) throw badShape('me()', '{ user }');
      return (reply.body.user ?? null) as Awaited<ReturnType<HostApi['me']>>;
    },
    store: {
      async list<T>(collection: string, options?: { cursor?: string | null; limit?: number }) {
        const name = checkCollection(collection);
        const { cursor, limit } = checkListOptions(options);
        const query = new URLSearchParams();
        if (cursor !== null) query.set('cursor', cursor);
        query.set('limit', String(limit));
        const reply = await send({
          ...json,
          method: 'store.list',
          httpMethod: 'GET',
          path: `/store/${segment(name)}?${query.toString()}`,
        });
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
        const path = `/store/${segment(checkCollection(collection))}/${segment(checkId('id', id))}`;
        try {
          const reply = await send({ ...json, method: 'store.get', httpMethod: 'GET', path });
          return doc<T>('store.get()', reply.body);
        } catch (error) {
          if (error instanceof HostError && error.status === 404 && error.code === NOT_FOUND) return null;
          throw error;
        }
      },
      async create<T>(collection: string, data: T) {
        const path = `/store/${segment(checkCollection(collection))}`;
        const dataJson = checkJson('data', data);
        const reply = await send({
          ...json,
          method: 'store.create',
          httpMethod: 'POST',
          path,
          json: `{"data":${dataJson}}`,
        });
        return doc<T>('store.create()', reply.body);
      },
      async put<T>(collection: string, id: string, data: T, options?: { ifVersion?: number }) {
        const path = `/store/${segment(checkCollection(collection))}/${segment(checkId('id', id))}`;
        const dataJson = checkJson('data', data);
        const ifVersion = checkVersion(options?.ifVersion);
        const reply = await send({
          ...json,
          method: 'store.put',
          httpMethod: 'PUT',
          path,
          json:
            ifVersion === undefined
              ? `{"data":${dataJson}}`
              : `{"data":${dataJson},"ifVersion":${ifVersion}}`,
        });
        return doc<T>('store.put()', reply.body);
      },
      async remove(collection: string, id: string) {
        const path = `/store/${segment(checkCollection(collection))}/${segment(checkId('id', id))}`;
        try {
          await send({ ...json, method: 'store.remove', httpMethod: 'DELETE', path });
        } catch (error) {
          if (error instanceof HostError && error.status === 404 && error.code === NOT_FOUND) return;
          throw error;
        }
      },
    },
    forms: {
      async submit(formId, data) {
        const path = `/forms/${segment(checkFormId(formId))}`;
        const reply = await send({
          ...json,
          method: 'forms.submit',
          httpMethod: 'POST',
          path,
          json: `{"data":${checkJson('data', data)}}`,
        });
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
        const reply = await send({
          ...json,
          method: 'points.request',
          httpMethod: 'POST',
          path: '/points/requests',
          json: JSON.stringify({ item, householdId, quantity, note, evidence }),
        });
        const body = reply.body;
        if (!isObject(body) || typeof body.id !== 'string' || body.status !== 'pending') {
          throw badShape('points.request()', "{ id, status: 'pending' }");
        }
        return { id: body.id, status: 'pending' };
      },
    },
    media: {
      async upload(file, uploadOptions) {
        const filename = checkUpload(file, uploadOptions);
        const reply = await send({
          method: 'media.upload',
          httpMethod: 'POST',
          path: '/media',
          body: file,
          headers: {
            'content-type': file.type || 'application/octet-stream',
            'x-filename': encodeURIComponent(filename),
          },
          timeoutMs: uploadTimeoutMs,
        });
        const body = reply.body;
        if (!isObject(body) || typeof body.id !== 'string' || typeof body.url !== 'string') {
          throw badShape('media.upload()', '{ id, url }');
        }
        return { id: body.id, url: body.url };
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
          ...json,
          method: 'module.request',
          httpMethod: method,
          root: moduleRoot(),
          path: checkModulePath(path),
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
          headers: {
            'content-type': file.type || 'application/octet-stream',
            'x-filename': encodeURIComponent(filename),
          },
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
