/**
 * The MockHost's `HostApi`: the shell server's behaviour in memory. The same argument checks as the
 * HTTP client (before anything else), then the capability, then the server's rules — sign-in for
 * writes, document and upload limits, photo types, version conflicts, the household of a points
 * request, evidence that was uploaded — answered with the server's refusal texts (`@cunmen/host-api`'s
 * `refusals`) through the same reply-to-error mapping as the HTTP client. The contract suite
 * (`@cunmen/sdk/contract`) runs against this and against the real server, so the two cannot drift.
 */
import {
  cursorProblem,
  HOST_API_ERRORS,
  type HostApiMethod,
  isMediaType,
  MAX_DOC_BYTES,
  MAX_JSON_BODY_BYTES,
  MAX_MEDIA_BYTES,
  METHOD_CAPABILITIES,
  mediaTypeOf,
  type Refusal,
  refusals,
  utf8Length,
} from '@cunmen/host-api';
import type { Capability } from '@cunmen/manifest';
import { HostError } from '../core/errors.js';
import type {
  HostApi,
  ModuleMethod,
  PointsRequest,
  PointsRequestReceipt,
  UploadedMedia,
} from '../core/host-api.js';
import { errorFromReply } from '../core/reply-errors.js';
import type { HostUser, StoredDoc } from '../core/types.js';
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
} from '../core/validate.js';
import type { MockStore } from './mock-store.js';

export interface MockModuleCall {
  method: ModuleMethod;
  path: string;
  /** The JSON body of `request`, or the file of `upload`. */
  body?: unknown;
  file?: Blob;
  filename?: string;
  kind: 'request' | 'upload' | 'download';
}

export type MockModuleHandler = (call: MockModuleCall) => unknown | Promise<unknown>;

export interface MockCall {
  method: HostApiMethod;
  args: unknown[];
  outcome: 'ok' | 'error';
  error?: HostError;
}

export interface MockUpload extends UploadedMedia {
  filename: string;
  type: string;
  size: number;
  file: Blob;
}

export interface MockApiContext {
  widget: { name: string; capabilities: readonly Capability[] };
  /** The signed-in user, whether or not the widget may read them. */
  user: HostUser | null;
  store: MockStore;
  now: () => Date;
  latencyMs: number;
  module: MockModuleHandler;
  calls: MockCall[];
  uploads: MockUpload[];
  /** Errors `failNext` queued per method. */
  failures: Map<HostApiMethod, HostError[]>;
  /** The manifest's `collections`: who may read each (undeclared ones are `owner`). */
  collections: Readonly<Record<string, { visibility: 'owner' | 'village' | 'public' }>>;
}

/** Staff of the village, who may request points for any household (the server also checks the division). */
const STAFF = new Set<HostUser['role']>(['cadre', 'township', 'county', 'province']);

let refusalCount = 0;

/** A refusal as the HTTP client would report the server's answer. */
function refused(method: HostApiMethod, refusal: Refusal): HostError {
  refusalCount += 1;
  const body = {
    error: refusal.en,
    code: refusal.code,
    message: refusal.zh,
    requestId: `mock-${refusalCount}`,
    ...(refusal.field === undefined ? {} : { field: refusal.field }),
  };
  return errorFromReply(HOST_API_ERRORS[refusal.code].status, body, {
    method,
    where: `MockHost ${method}()`,
  });
}

export function createMockApi(context: MockApiContext): HostApi {
  const { store, now } = context;
  let uploadSeq = 0;

  /** Runs one API call the way the server would: arguments, capability, then the operation; records it. */
  async function call<R>(
    method: HostApiMethod,
    args: unknown[],
    check: () => void,
    run: () => R | Promise<R>,
  ) {
    try {
      check();
      if (context.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, context.latencyMs));
      const capability = METHOD_CAPABILITIES[method];
      if (!context.widget.capabilities.includes(capability)) {
        throw refused(method, refusals.capabilityDenied(capability, context.widget.name));
      }
      const injected = context.failures.get(method)?.shift();
      if (injected) throw injected;
      const result = await run();
      context.calls.push({ method, args, outcome: 'ok' });
      return result;
    } catch (error) {
      const hostError =
        error instanceof HostError ? error : new HostError({ code: 'SDK_ERR_UNEXPECTED', cause: error });
      context.calls.push({ method, args, outcome: 'error', error: hostError });
      throw hostError;
    }
  }

  function signedIn(method: HostApiMethod): HostUser {
    if (!context.user) throw refused(method, refusals.signInRequired());
    return context.user;
  }

  /**
   * Reading a collection: anybody for a `public` one, a signed-in user otherwise (the mock has one user,
   * so an `owner` collection shows them all of its documents: they wrote them).
   */
  function mayRead(method: HostApiMethod, collection: string): void {
    if ((context.collections[collection]?.visibility ?? 'owner') !== 'public') signedIn(method);
  }

  /** The server's body limit, then (for documents) sign-in, then the document limit. */
  function checkBody(method: HostApiMethod, body: string, data: string, needsUser: boolean): void {
    if (utf8Length(body) > MAX_JSON_BODY_BYTES)
      throw refused(method, refusals.bodyTooLarge(MAX_JSON_BODY_BYTES));
    if (needsUser) signedIn(method);
    const bytes = utf8Length(data);
    if (bytes > MAX_DOC_BYTES) throw refused(method, refusals.docTooLarge(bytes, MAX_DOC_BYTES));
  }

  function requestPoints(request: PointsRequest): PointsRequestReceipt {
    const user = signedIn('points.request');
    const uploaded = new Set(context.uploads.map((u) => u.id));
    const missing = (request.evidence ?? []).findIndex((id) => !uploaded.has(id));
    if (missing >= 0) throw refused('points.request', refusals.unknownEvidence(missing));
    const household = request.householdId ?? user.householdId;
    if (!household) throw refused('points.request', refusals.noHousehold());
    if (household !== user.householdId && !STAFF.has(user.role)) {
      throw refused('points.request', refusals.otherHousehold());
    }
    const { item, householdId, quantity, note, evidence } = request;
    const copy: PointsRequest = JSON.parse(JSON.stringify({ item, householdId, quantity, note, evidence }));
    const receipt: PointsRequestReceipt = {
      id: `points-request-${store.pointsRequests.length + 1}`,
      status: 'pending',
    };
    store.pointsRequests.push({ ...receipt, request: copy, requestedAt: now().toISOString() });
    store.save();
    return receipt;
  }

  function upload(file: Blob, filename: string): UploadedMedia {
    const type = mediaTypeOf(file.type);
    if (file.size > MAX_MEDIA_BYTES) throw refused('media.upload', refusals.bodyTooLarge(MAX_MEDIA_BYTES));
    if (!isMediaType(type)) throw refused('media.upload', refusals.mediaType(type));
    signedIn('media.upload');
    if (file.size === 0) throw refused('media.upload', refusals.emptyFile());
    uploadSeq += 1;
    const id = `media-${uploadSeq}`;
    let url = `mock://media/${id}`;
    try {
      if (typeof URL.createObjectURL === 'function') url = URL.createObjectURL(file);
    } catch {
      // Keep the mock URL (e.g. a Blob from another realm).
    }
    context.uploads.push({ id, url, filename, type: file.type, size: file.size, file });
    return { id, url };
  }

  return {
    me: () =>
      call(
        'me',
        [],
        () => {},
        () => (context.user ? { ...context.user } : null),
      ),
    store: {
      list<T>(collection: string, listOptions?: { cursor?: string | null; limit?: number }) {
        let page = { cursor: null as string | null, limit: 0 };
        return call(
          'store.list',
          [collection, listOptions],
          () => {
            checkCollection(collection);
            page = checkListOptions(listOptions);
          },
          () => {
            mayRead('store.list', collection);
            let before = Number.POSITIVE_INFINITY;
            if (page.cursor !== null) {
              const match = /^c([1-9][0-9]*)$/.exec(page.cursor);
              if (!match) {
                throw refused('store.list', refusals.invalid(cursorProblem()));
              }
              before = Number(match[1]);
            }
            const { items, next } = store.list<T>(collection, before, page.limit);
            return { items, nextCursor: next === null ? null : `c${next}` };
          },
        );
      },
      get<T>(collection: string, id: string) {
        return call(
          'store.get',
          [collection, id],
          () => {
            checkCollection(collection);
            checkId('id', id);
          },
          () => {
            mayRead('store.get', collection);
            return store.get<T>(collection, id);
          },
        );
      },
      create<T>(collection: string, data: T) {
        let json = '';
        return call(
          'store.create',
          [collection, data],
          () => {
            checkCollection(collection);
            json = checkJson('data', data);
          },
          () => {
            checkBody('store.create', `{"data":${json}}`, json, true);
            return store.create<T>(collection, json);
          },
        );
      },
      put<T>(collection: string, id: string, data: T, putOptions?: { ifVersion?: number }) {
        let json = '';
        let ifVersion: number | undefined;
        return call(
          'store.put',
          [collection, id, data, putOptions],
          () => {
            checkCollection(collection);
            checkId('id', id);
            json = checkJson('data', data);
            ifVersion = checkVersion(putOptions?.ifVersion);
          },
          (): StoredDoc<T> => {
            const body =
              ifVersion === undefined ? `{"data":${json}}` : `{"data":${json},"ifVersion":${ifVersion}}`;
            checkBody('store.put', body, json, true);
            const result = store.put<T>(collection, id, json, ifVersion);
            if (!result.ok) throw refused('store.put', refusals.versionConflict(id, result.current));
            return result.doc;
          },
        );
      },
      remove(collection: string, id: string) {
        return call(
          'store.remove',
          [collection, id],
          () => {
            checkCollection(collection);
            checkId('id', id);
          },
          () => {
            signedIn('store.remove');
            store.remove(collection, id);
          },
        );
      },
    },
    forms: {
      submit(formId, data) {
        let json = '';
        return call(
          'forms.submit',
          [formId, data],
          () => {
            checkFormId(formId);
            json = checkJson('data', data);
          },
          () => {
            checkBody('forms.submit', `{"data":${json}}`, json, false);
            const receipt = {
              id: `submission-${store.submissions.length + 1}`,
              receivedAt: now().toISOString(),
            };
            store.submissions.push({ ...receipt, formId, data: JSON.parse(json) });
            store.save();
            return receipt;
          },
        );
      },
    },
    points: {
      request(request) {
        return call(
          'points.request',
          [request],
          () => {
            checkPointsRequest(request);
          },
          () => requestPoints(request),
        );
      },
    },
    media: {
      upload(file, uploadOptions) {
        let filename = '';
        return call(
          'media.upload',
          [file, uploadOptions],
          () => {
            filename = checkUpload(file, uploadOptions);
            if (uploadOptions?.collection !== undefined) checkCollection(uploadOptions.collection);
          },
          () => upload(file, filename),
        );
      },
      get(id) {
        return call(
          'media.get',
          [id],
          () => {
            checkId('id', id);
          },
          () => {
            // One user per mock host: they see the photos they uploaded.
            const found = context.uploads.find((u) => u.id === id);
            if (!found) throw refused('media.get', refusals.notFound(`media ${id}`));
            return found.file;
          },
        );
      },
    },
    module: {
      request<T>(method: ModuleMethod, path: string, body?: unknown) {
        return call(
          'module.request',
          [method, path, body],
          () => {
            checkModulePath(path);
            if (body !== undefined) checkJson('body', body);
          },
          async () => (await context.module({ kind: 'request', method, path, body })) as T,
        );
      },
      upload<T>(path: string, file: Blob, uploadOptions?: { filename?: string }) {
        let filename = '';
        return call(
          'module.upload',
          [path, file, uploadOptions],
          () => {
            checkModulePath(path);
            filename = checkUpload(file, {
              filename: uploadOptions?.filename ?? (file as File).name ?? 'file',
            });
          },
          async () => (await context.module({ kind: 'upload', method: 'POST', path, file, filename })) as T,
        );
      },
      download(path: string) {
        return call(
          'module.download',
          [path],
          () => {
            checkModulePath(path);
          },
          async () => {
            const answer = await context.module({ kind: 'download', method: 'GET', path });
            return answer instanceof Blob ? answer : new Blob([JSON.stringify(answer ?? null)]);
          },
        );
      },
    },
  };
}
