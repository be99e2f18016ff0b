/**
 * The `Host` each widget gets: its identity and GRANTED capabilities from the snapshot, the village, its
 * config, the portal's locale, elderly mode, navigation, a capability-checked view of the page's event
 * hub, and the SDK's HTTP host-API client pointed at the shell server (`/api/host/v1`).
 *
 * Widget credentials are not in the snapshot (it is cached and ETag-revalidated; a per-session secret
 * must not be in it). On the resident portal they come from the page load's exchange
 * (../account/credentials.ts, started by boot): each host holds only its own widget's. Where no page
 * credentials are given (the staff console, whose origin still allows it) a widget's token is asked for
 * by name on its first host-API call: `POST /api/host/v1/widget-token` `{ village, widget, version }`
 * → 200 `{ token, expiresAt }`, cached until 30 s before it expires.
 *
 * `fetch` is captured when this module loads (before any widget code runs): a widget that replaces
 * `window.fetch` does not see the credentials other widgets' calls carry.
 */
import type { PortalSnapshot, SnapshotWidget } from '@cunmen/manifest';
import {
  createDeviceLocation,
  createHttpHostApi,
  type ElderlyMode,
  type EventHub,
  HOST_API_PATH,
  type Host,
  HostError,
  type Locale,
  type Village,
} from '@cunmen/sdk';
import type { PageCredentials } from '../account/credentials.js';
import { reportShellError } from '../errors.js';

export const TOKEN_PATH = `${HOST_API_PATH}/widget-token`;
const pristineFetch: typeof fetch = globalThis.fetch?.bind(globalThis);

export interface HostContextOptions {
  snapshot: PortalSnapshot;
  locale: Locale;
  elderly: ElderlyMode;
  hub: EventHub;
  navigate(to: string): void;
  fetch?: typeof fetch;
  /** The shell server's origin; `''` = same origin (the default). */
  baseUrl?: string;
  /** This page load's credentials (the resident portal); without them a token is asked for by name. */
  credentials?: PageCredentials;
}

export function villageOf(snapshot: PortalSnapshot): Village {
  const { code, name, township, county } = snapshot.village;
  return {
    code,
    name,
    ...(township ? { township: { code: code.slice(0, 9), name: township } } : {}),
    ...(county ? { county: { code: code.slice(0, 6), name: county } } : {}),
  };
}

/** A per-widget credential source that asks the token endpoint once and caches the answer. */
export function widgetCredential(
  options: Pick<HostContextOptions, 'snapshot' | 'fetch' | 'baseUrl'>,
  widget: SnapshotWidget,
): () => Promise<string> {
  let cached: { token: string; expires: number } | null = null;
  let pending: Promise<string> | null = null;
  const doFetch = options.fetch ?? pristineFetch;
  const url = `${(options.baseUrl ?? '').replace(/\/+$/, '')}${TOKEN_PATH}`;
  const fail = (detail: string, cause?: unknown) => {
    reportShellError('SHELL_ERR_CREDENTIAL', widget.name, detail);
    return new HostError({ code: 'SDK_ERR_NETWORK', detail: `widget credential: ${detail}`, cause });
  };
  async function request(): Promise<string> {
    let response: Response;
    try {
      response = await doFetch(url, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({
          village: options.snapshot.village.code,
          widget: widget.name,
          version: widget.version,
        }),
      });
    } catch (error) {
      throw fail(`${url} unreachable`, error);
    }
    const body = (await response.json().catch(() => null)) as { token?: unknown; expiresAt?: unknown } | null;
    if (!response.ok || typeof body?.token !== 'string' || body.token === '') {
      throw fail(`${url} answered ${response.status}`);
    }
    const expires = typeof body.expiresAt === 'string' ? Date.parse(body.expiresAt) : Number.NaN;
    cached = {
      token: body.token,
      expires: Number.isFinite(expires) ? expires - 30_000 : Date.now() + 60_000,
    };
    return body.token;
  }
  return () => {
    if (cached && cached.expires > Date.now()) return Promise.resolve(cached.token);
    pending ??= request().finally(() => {
      pending = null;
    });
    return pending;
  };
}

/** A province package's standard-module id (`@cunmen/complaints` → `complaints`); none for county widgets. */
export function moduleIdOf(name: string): string | undefined {
  return name.startsWith('@cunmen/') ? name.slice('@cunmen/'.length) : undefined;
}

export function createWidgetHost(options: HostContextOptions, widget: SnapshotWidget): Host {
  const info = { name: widget.name, version: widget.version, capabilities: widget.capabilities };
  const api = createHttpHostApi({
    baseUrl: options.baseUrl ?? '',
    credential: options.credentials?.sourceFor(widget) ?? widgetCredential(options, widget),
    fetch: options.fetch ?? pristineFetch,
    module: moduleIdOf(widget.name),
  });
  // `me` once for the page: the credential exchange already answered who is signed in, as the host
  // API's `me` shows them and bound to the same session as every credential it issued, so a widget
  // granted user.read is answered from it. A widget without the grant still asks, and is refused.
  const pageUser = options.credentials?.user;
  if (pageUser && widget.capabilities.includes('user.read')) api.me = () => pageUser;
  return {
    widget: info,
    village: villageOf(options.snapshot),
    user: null,
    config: widget.config,
    locale: options.locale,
    elderly: options.elderly,
    navigate: options.navigate,
    events: options.hub.forWidget(info),
    // Only a widget granted location.read may ask; the browser then asks the resident.
    location: createDeviceLocation(widget.capabilities),
    api,
  };
}
