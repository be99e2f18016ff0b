/**
 * One request of the HTTP host-API client: the widget credential, the timeout, and the mapping of
 * everything that can go wrong on the way to a `HostError`. A request that does not reach the server is
 * `SDK_ERR_NETWORK`, one that takes longer than its timeout `SDK_ERR_TIMEOUT`, a reply that is not the
 * contract's JSON (a proxy's error page, a captive portal) `SDK_ERR_BAD_RESPONSE`; a refusal goes
 * through `errorFromReply` (reply-errors.ts).
 */
import type { HostApiMethod, HttpMethod } from '@cunmen/host-api';
import { HostError } from './errors.js';
import { errorFromReply } from './reply-errors.js';

export interface Call {
  method: HostApiMethod;
  httpMethod: HttpMethod;
  /** Relative to `root`. */
  path: string;
  /** The host API's or a module's root URL. */
  root: string;
  /** Resolve the body as a Blob instead of JSON. */
  blob?: boolean;
  json?: string;
  body?: Blob;
  headers?: Record<string, string>;
  timeoutMs: number;
}

export interface Reply {
  status: number;
  body: unknown;
}

export interface TransportOptions {
  /** The server's origin and path prefix without a trailing `/` (`''` = same origin). */
  base: string;
  credential: string | (() => string | Promise<string>);
  fetch: typeof fetch;
}

export type Send = (call: Call) => Promise<Reply>;

async function exchange(
  options: TransportOptions,
  call: Call,
  signal: AbortSignal | undefined,
  where: string,
) {
  const token = typeof options.credential === 'function' ? await options.credential() : options.credential;
  const headers: Record<string, string> = {
    accept: call.blob ? '*/*' : 'application/json',
    authorization: `Bearer ${token}`,
  };
  if (call.json !== undefined) headers['content-type'] = 'application/json';
  Object.assign(headers, call.headers);
  const response = await options.fetch(call.root + call.path, {
    method: call.httpMethod,
    headers,
    body: call.json ?? call.body,
    signal,
  });
  const ok = response.status >= 200 && response.status < 300;
  if (call.blob && ok) return { status: response.status, body: await response.blob() };
  const text = response.status === 204 ? '' : await response.text();
  let body: unknown;
  let parsed = true;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    parsed = false;
  }
  const requestId = response.headers.get('x-request-id') ?? undefined;
  if (!ok) throw errorFromReply(response.status, body, { method: call.method, where, requestId });
  if (!parsed) {
    throw new HostError({
      code: 'SDK_ERR_BAD_RESPONSE',
      status: response.status,
      requestId,
      detail: `${where} answered ${response.status} with a body that is not JSON.`,
    });
  }
  return { status: response.status, body };
}

/** The `send` the client's methods call: one request, with its timeout, errors as `HostError`s. */
export function createTransport(options: TransportOptions): Send {
  return async (call) => {
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
    const where = `${call.httpMethod} ${call.root.slice(options.base.length)}${call.path}`;
    try {
      return await Promise.race([exchange(options, call, controller?.signal, where), timeout]);
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
  };
}
