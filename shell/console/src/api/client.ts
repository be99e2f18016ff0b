/**
 * The console's one way to call the shell server (same origin, the console's session cookie): JSON in
 * and out, the session's CSRF token on writes, and every refusal as an {@link ApiError} carrying the
 * server's `code` (to branch on), its zh-CN `message` (to show) and the `field` it names.
 */
import { createContext, useContext } from 'react';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    /** The server's zh-CN message, for the person. */
    readonly zh: string,
    readonly field?: string,
    /** The whole error body, for the facts some refusals carry (`problems`, `changes`). */
    readonly body: Record<string, unknown> = {},
  ) {
    super(zh);
  }
}

export interface ApiOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  /** Raw bytes instead of JSON (an uploaded photo), sent with the file's own content type. */
  file?: Blob;
  csrf?: string;
}

export type Api = <T>(path: string, options?: ApiOptions) => Promise<T>;

export function createApi(fetchImpl: typeof fetch = (input, init) => fetch(input, init)): Api {
  return async <T>(path: string, options: ApiOptions = {}): Promise<T> => {
    let response: Response;
    try {
      response = await fetchImpl(path, {
        method: options.method ?? 'GET',
        credentials: 'same-origin',
        headers: {
          accept: 'application/json',
          ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(options.file ? { 'content-type': options.file.type || 'application/octet-stream' } : {}),
          ...(options.csrf ? { 'x-csrf-token': options.csrf } : {}),
        },
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
        ...(options.file ? { body: options.file } : {}),
      });
    } catch {
      throw new ApiError(0, 'SDK_ERR_NETWORK', '网络连接失败，请稍后重试');
    }
    const body = (await response.json().catch(() => null)) as
      | (T & { code?: unknown; message?: unknown; field?: unknown })
      | null;
    if (response.ok && body !== null) return body;
    const code = typeof body?.code === 'string' ? body.code : `HTTP_${response.status}`;
    const zh =
      typeof body?.message === 'string' && body.message !== ''
        ? body.message
        : `服务器返回 ${response.status}，请稍后重试`;
    throw new ApiError(
      response.status,
      code,
      zh,
      typeof body?.field === 'string' ? body.field : undefined,
      typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {},
    );
  };
}

/** The API the console's screens use; tests provide one over a fake fetch. */
export const ApiContext = createContext<Api>(createApi());

export function useApi(): Api {
  return useContext(ApiContext);
}

/** What to show for a failure of any kind. */
export function problemText(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.zh : fallback;
}
