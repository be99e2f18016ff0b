/**
 * The console's side of a sandboxed frame's bridge: it answers only messages from the one frame it was
 * set up for (`event.source`), sends that frame what to render, and makes the allowed host-API calls
 * through the asking widget's own `Host` (shell-web's `createWidgetHost`: its credential is minted for
 * that widget and this staff account, and the server checks every call against the widget's
 * capabilities); a widget the frame was not opened for gets nothing. The answer goes back as plain
 * data; the credentials never leave this realm.
 */
import type { HostApi, ListOptions, PointsRequest, PutOptions } from '@cunmen/sdk';
import {
  BRIDGE_TAG,
  type BridgeMethod,
  type FrameInit,
  type FromFrame,
  isBridgeMethod,
  isTagged,
  serializeError,
  type ToFrame,
} from './bridge-protocol.js';

/** More calls in flight than a page plausibly needs means a loop: refuse instead of queueing. */
export const MAX_CALLS_IN_FLIGHT = 32;

type Dispatch = (api: HostApi, args: unknown[]) => Promise<unknown>;

// Arguments arrive as structured-clone data; the SDK client checks each one before anything is sent.
const CALLS: Record<BridgeMethod, Dispatch> = {
  me: (api) => api.me(),
  'store.list': (api, [c, o]) => api.store.list(c as string, o as ListOptions | undefined),
  'store.get': (api, [c, id]) => api.store.get(c as string, id as string),
  'store.create': (api, [c, data]) => api.store.create(c as string, data),
  'store.put': (api, [c, id, data, o]) => api.store.put(c as string, id as string, data, o as PutOptions),
  'store.remove': (api, [c, id]) => api.store.remove(c as string, id as string),
  'forms.submit': (api, [form, data]) => api.forms.submit(form as string, data),
  'points.request': (api, [request]) => api.points.request(request as PointsRequest),
  'media.upload': (api, [file, o]) => api.media.upload(file as Blob, o as { filename: string }),
  // A Blob survives postMessage's structured clone: the frame gets the photo, never the credential.
  'media.get': (api, [id]) => api.media.get(id as string),
};

export interface BridgeOptions {
  /** The frame's window (the iframe's `contentWindow`), the only sender answered. */
  frame(): Window | null;
  /** What the frame renders, sent when it says it is ready. */
  init(): Omit<FrameInit, 'tag' | 'type'>;
  /** The host API in this realm of a widget the frame was opened for; undefined for any other name. */
  apiFor(widget: string): HostApi | undefined;
  navigate(to: string): void;
  onHeight(px: number): void;
}

/** Starts answering the frame on `target` (the console's window); returns the function that stops it. */
export function serveCadreBridge(target: Window, options: BridgeOptions): () => void {
  let inFlight = 0;
  const post = (message: ToFrame) => {
    // The frame's origin is opaque ("null"), which no target origin can name; the message goes to
    // the frame's window object only, and carries nothing secret.
    options.frame()?.postMessage(message, '*');
  };
  const refuse = (id: number, detail: string) =>
    post({
      tag: BRIDGE_TAG,
      type: 'result',
      id,
      ok: false,
      error: { code: 'SDK_ERR_INVALID_ARGUMENT', message: '参数不正确，操作未执行', detail },
    });
  const call = async (id: number, api: HostApi, method: BridgeMethod, args: unknown[]) => {
    if (inFlight >= MAX_CALLS_IN_FLIGHT) {
      post({
        tag: BRIDGE_TAG,
        type: 'result',
        id,
        ok: false,
        error: {
          code: 'SDK_ERR_UNEXPECTED',
          message: '操作过于频繁，请稍后重试',
          detail: 'too many calls in flight',
        },
      });
      return;
    }
    inFlight++;
    try {
      const value = await CALLS[method](api, args);
      post({ tag: BRIDGE_TAG, type: 'result', id, ok: true, value });
    } catch (error) {
      post({ tag: BRIDGE_TAG, type: 'result', id, ok: false, error: serializeError(error) });
    } finally {
      inFlight--;
    }
  };
  const onCall = (message: Extract<FromFrame, { type: 'call' }>) => {
    if (!isBridgeMethod(message.method) || !Array.isArray(message.args)) {
      refuse(message.id, `the frame cannot call ${String(message.method)}`);
      return;
    }
    const api = typeof message.widget === 'string' ? options.apiFor(message.widget) : undefined;
    if (!api) {
      refuse(message.id, `the frame has no widget ${String(message.widget)}`);
      return;
    }
    void call(message.id, api, message.method, message.args);
  };
  const onMessage = (event: MessageEvent) => {
    const frame = options.frame();
    if (!frame || event.source !== frame || !isTagged(event.data)) return;
    const message = event.data as FromFrame;
    switch (message.type) {
      case 'ready':
        post({ tag: BRIDGE_TAG, type: 'init', ...options.init() });
        return;
      case 'call':
        if (Number.isSafeInteger(message.id)) onCall(message);
        return;
      case 'navigate':
        if (typeof message.to === 'string' && message.to.length <= 500) options.navigate(message.to);
        return;
      case 'height':
        if (Number.isFinite(message.px)) options.onHeight(Math.min(Math.max(message.px, 120), 20_000));
        return;
    }
  };
  target.addEventListener('message', onMessage);
  return () => target.removeEventListener('message', onMessage);
}
