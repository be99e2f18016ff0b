/**
 * The messages between the console page and a sandboxed frame on the frame origin — a county widget's
 * cadre page, or the composer's phone preview of a draft portal (the frame's origin is opaque, so
 * `postMessage` is the only way between them). The frame asks; the console answers only the host-API
 * calls listed here — the ones a widget's page needs, none of the standard modules' `module.*` calls —
 * and makes each with the credential of the widget that asked, among those the frame was opened for,
 * so the server checks them against that widget's capabilities. Nothing the console holds for its own
 * session (cookie, CSRF token, the widget credentials themselves) is ever sent to the frame.
 */
import type { PortalSnapshot } from '@cunmen/manifest';
import { CapabilityDeniedError, HostError, type Locale } from '@cunmen/sdk';

/** Every message of the protocol carries this tag, so other messages on the window are ignored. */
export const BRIDGE_TAG = 'cunmen:cadre-frame/v1';

/** The host-API calls the frame may ask for, and nothing else. */
export const BRIDGE_METHODS = [
  'me',
  'store.list',
  'store.get',
  'store.create',
  'store.put',
  'store.remove',
  'forms.submit',
  'points.request',
  'media.upload',
  'media.get',
] as const;
export type BridgeMethod = (typeof BRIDGE_METHODS)[number];

export function isBridgeMethod(value: unknown): value is BridgeMethod {
  return typeof value === 'string' && (BRIDGE_METHODS as readonly string[]).includes(value);
}

/** The console's answer to `ready`: what the frame renders. */
export interface FrameInit {
  tag: typeof BRIDGE_TAG;
  type: 'init';
  /**
   * The widgets the frame runs, in their village's snapshot (the frame checks their signatures itself):
   * a cadre page's one widget, or a preview's whole draft.
   */
  snapshot: PortalSnapshot;
  /** For a cadre page: which placement to show, under which title, at which path below its route. */
  page?: { expose: string; title: string; path: string };
  locale: Locale;
  elderly: boolean;
}

export interface SerializedError {
  code: string;
  status?: number;
  message: string;
  detail: string;
  requestId?: string;
  field?: string;
  capability?: string;
}

export type ToFrame =
  | FrameInit
  | { tag: typeof BRIDGE_TAG; type: 'path'; path: string }
  | { tag: typeof BRIDGE_TAG; type: 'result'; id: number; ok: true; value: unknown }
  | { tag: typeof BRIDGE_TAG; type: 'result'; id: number; ok: false; error: SerializedError };

export type FromFrame =
  | { tag: typeof BRIDGE_TAG; type: 'ready' }
  | {
      tag: typeof BRIDGE_TAG;
      type: 'call';
      id: number;
      widget: string;
      method: BridgeMethod;
      args: unknown[];
    }
  | { tag: typeof BRIDGE_TAG; type: 'navigate'; to: string }
  | { tag: typeof BRIDGE_TAG; type: 'height'; px: number };

export function isTagged(data: unknown): data is { tag: typeof BRIDGE_TAG; type: string } {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as { tag?: unknown }).tag === BRIDGE_TAG &&
    typeof (data as { type?: unknown }).type === 'string'
  );
}

/** A refusal as plain data (errors do not survive `postMessage` with their class and fields). */
export function serializeError(error: unknown): SerializedError {
  if (error instanceof HostError) {
    return {
      code: error.code,
      message: error.message,
      detail: error.detail,
      ...(error.status === undefined ? {} : { status: error.status }),
      ...(error.requestId === undefined ? {} : { requestId: error.requestId }),
      ...(error.field === undefined ? {} : { field: error.field }),
      ...(error instanceof CapabilityDeniedError ? { capability: error.capability } : {}),
    };
  }
  return {
    code: 'SDK_ERR_UNEXPECTED',
    message: '操作失败，请稍后重试',
    detail: error instanceof Error ? error.message : String(error),
  };
}

/** The error a widget in the frame sees: the same class and fields as in the console's realm. */
export function deserializeError(error: SerializedError): HostError {
  const init = {
    message: error.message,
    detail: error.detail,
    status: error.status,
    requestId: error.requestId,
    field: error.field,
  };
  if (error.capability !== undefined) {
    return new CapabilityDeniedError(error.capability as never, init);
  }
  return new HostError({ code: error.code, ...init });
}
