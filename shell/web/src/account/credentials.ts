/**
 * The widgets' credentials for this page load. The server set an HttpOnly ticket cookie on the portal
 * page; boot exchanges it, before any widget code runs, for the credentials of every placed widget in
 * one request (`POST /api/host/v1/widget-tokens`). Each credential then lives only in the closure handed
 * to its widget's host: no widget can read the ticket, replay it (single use) or ask for another
 * widget's credential by name (the server refuses that on the resident origin). A credential near its
 * expiry is renewed by presenting it (`POST /api/host/v1/widget-token`), which yields the same widget's.
 *
 * `fetch` is captured when the exchange starts — before widget code runs — so a widget that replaces
 * `window.fetch` later sees neither the answer nor the renewals.
 */
import type { SnapshotWidget } from '@cunmen/manifest';
import { HOST_API_PATH, HostError, type HostUser } from '@cunmen/sdk';
import { reportShellError } from '../errors.js';

/** The routes of `@cunmen/host-api` (WIDGET_TOKENS_PATH, WIDGET_TOKEN_PATH). */
export const WIDGET_TOKENS_PATH = `${HOST_API_PATH}/widget-tokens`;
export const WIDGET_TOKEN_PATH = `${HOST_API_PATH}/widget-token`;

interface Issued {
  version: string;
  token: string;
  expiresAt: string;
}

export interface PageCredentials {
  /** Settles (never rejects) once the exchange answered: widgets load only after it. */
  ready: Promise<void>;
  /** The signed-in user as widgets see them, or null (`me` once for the page). */
  user: Promise<HostUser | null>;
  /** The credential source for one widget's host. */
  sourceFor(widget: SnapshotWidget): () => Promise<string>;
}

export interface PageCredentialOptions {
  village: string;
  fetch?: typeof fetch;
  /** The shell server's origin; `''` = same origin (the default). */
  baseUrl?: string;
}

/** Renew this long before the credential expires. */
const EARLY_MS = 30_000;

function expiryOf(issued: { expiresAt?: unknown }): number {
  const at = typeof issued.expiresAt === 'string' ? Date.parse(issued.expiresAt) : Number.NaN;
  return Number.isFinite(at) ? at - EARLY_MS : Date.now() + 60_000;
}

async function post(doFetch: typeof fetch, url: string, body: unknown, bearer?: string) {
  const response = await doFetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'content-type': 'application/json',
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
    },
    body: JSON.stringify(body),
  });
  const json = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  return { status: response.status, ok: response.ok, json };
}

/** Starts the exchange at once (call it from boot, before any widget is loaded). */
export function exchangePageCredentials(options: PageCredentialOptions): PageCredentials {
  const captured = options.fetch ?? globalThis.fetch.bind(globalThis);
  const root = (options.baseUrl ?? '').replace(/\/+$/, '');
  const exchange = post(captured, `${root}${WIDGET_TOKENS_PATH}`, { village: options.village }).then(
    (answer) => {
      const credentials = answer.json?.credentials as Record<string, Issued> | undefined;
      if (!answer.ok || typeof credentials !== 'object' || credentials === null) {
        const code = typeof answer.json?.code === 'string' ? answer.json.code : `HTTP ${answer.status}`;
        reportShellError('SHELL_ERR_CREDENTIAL', WIDGET_TOKENS_PATH, code);
        return { credentials: new Map<string, Issued>(), user: null, failure: code };
      }
      const user = (answer.json?.user ?? null) as HostUser | null;
      return { credentials: new Map(Object.entries(credentials)), user, failure: null };
    },
    (error: unknown) => {
      reportShellError('SHELL_ERR_CREDENTIAL', WIDGET_TOKENS_PATH, 'unreachable');
      return { credentials: new Map<string, Issued>(), user: null, failure: String(error) };
    },
  );

  const sourceFor = (widget: SnapshotWidget) => {
    let held: { token: string; expires: number } | null = null;
    let pending: Promise<string> | null = null;
    const fail = (detail: string) => {
      reportShellError('SHELL_ERR_CREDENTIAL', widget.name, detail);
      return new HostError({ code: 'SDK_ERR_NETWORK', detail });
    };
    async function obtain(): Promise<string> {
      if (held === null) {
        const page = await exchange;
        const issued = page.credentials.get(widget.name);
        // Taken out of the shared answer: from here on only this widget's closure holds it.
        page.credentials.delete(widget.name);
        if (!issued || issued.version !== widget.version) {
          throw fail(page.failure ?? `none for ${widget.name}@${widget.version}`);
        }
        held = { token: issued.token, expires: expiryOf(issued) };
        if (held.expires > Date.now()) return held.token;
      }
      const renewed = await post(captured, `${root}${WIDGET_TOKEN_PATH}`, {}, held.token).catch(() => null);
      const token = renewed?.json?.token;
      if (!renewed?.ok || typeof token !== 'string' || token === '') {
        throw fail(`${WIDGET_TOKEN_PATH} answered ${renewed?.status ?? 'nothing'}; reload the page`);
      }
      held = { token, expires: expiryOf(renewed.json ?? {}) };
      return token;
    }
    return () => {
      if (held && held.expires > Date.now()) return Promise.resolve(held.token);
      pending ??= obtain().finally(() => {
        pending = null;
      });
      return pending;
    };
  };

  return {
    ready: exchange.then(() => undefined),
    user: exchange.then((page) => page.user),
    sourceFor,
  };
}
