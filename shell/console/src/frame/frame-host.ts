/**
 * The `Host` a county widget's cadre page gets inside the sandboxed cadre frame: its identity, village,
 * config, locale and elderly mode from the console's `init` message, and a host API whose every call
 * is a `postMessage` to the console (bridge-protocol.ts), answered with the result or the refusal the
 * widget would have seen in the console's realm. `api.module` is refused here: only standard modules,
 * which run in the console's realm, have module routes. No credential, cookie or token is in this realm.
 */
import type { SnapshotWidget } from '@cunmen/manifest';
import {
  CapabilityDeniedError,
  type ElderlyMode,
  type EventHub,
  type Host,
  type HostApi,
  type ModuleClient,
} from '@cunmen/sdk';
import { villageOf } from '@cunmen/shell-web/widget-runtime';
import {
  BRIDGE_TAG,
  type BridgeMethod,
  deserializeError,
  type FrameInit,
  type FromFrame,
  isTagged,
  type ToFrame,
} from '../cadre/bridge-protocol.js';

export interface FrameChannel {
  /** Sends to the console (`window.parent`). */
  post(message: FromFrame): void;
  /** Calls `listener` for each protocol message from the console; returns the unsubscribe function. */
  listen(listener: (message: ToFrame) => void): () => void;
}

/** The channel to the console: messages from `window.parent` only. */
export function parentChannel(self: Window): FrameChannel {
  return {
    post: (message) => self.parent.postMessage(message, '*'),
    listen(listener) {
      const onMessage = (event: MessageEvent) => {
        if (event.source === self.parent && isTagged(event.data)) listener(event.data as ToFrame);
      };
      self.addEventListener('message', onMessage);
      return () => self.removeEventListener('message', onMessage);
    },
  };
}

// Every widget of the frame listens to every result: call ids must be unique in the realm, not per
// widget, or one widget's answer settles another's call. The random start keeps a reloaded frame's ids
// apart from answers still on their way to the frame it replaced.
let nextCallId = 1 + Math.floor(Math.random() * 2 ** 40);

/** A host API that asks the console for every call, as `widget`. */
export function bridgedHostApi(channel: FrameChannel, widget: string): HostApi {
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: unknown): void }>();
  channel.listen((message) => {
    if (message.type !== 'result') return;
    const pending = waiting.get(message.id);
    if (!pending) return;
    waiting.delete(message.id);
    if (message.ok) pending.resolve(message.value);
    else pending.reject(deserializeError(message.error));
  });
  const ask = <T>(method: BridgeMethod, ...args: unknown[]) =>
    new Promise<T>((resolve, reject) => {
      const id = nextCallId++;
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      channel.post({ tag: BRIDGE_TAG, type: 'call', id, widget, method, args });
    });
  const noModule = () => Promise.reject(new CapabilityDeniedError('module.api'));
  const module: ModuleClient = { request: noModule, upload: noModule, download: noModule };
  return {
    me: () => ask('me'),
    store: {
      list: (collection, options) => ask('store.list', collection, options),
      get: (collection, id) => ask('store.get', collection, id),
      create: (collection, data) => ask('store.create', collection, data),
      put: (collection, id, data, options) => ask('store.put', collection, id, data, options),
      remove: (collection, id) => ask('store.remove', collection, id),
    },
    forms: { submit: (formId, data) => ask('forms.submit', formId, data) },
    points: { request: (request) => ask('points.request', request) },
    media: {
      upload: (file, options) => ask('media.upload', file, options),
      get: (id) => ask('media.get', id),
    },
    module,
  };
}

/** A widget's `Host` in the frame, for a widget of `init.snapshot`. */
export function frameHost(
  init: Pick<FrameInit, 'snapshot' | 'locale'>,
  widget: SnapshotWidget,
  channel: FrameChannel,
  options: { elderly: ElderlyMode; events: EventHub; navigate(to: string): void },
): Host {
  const info = { name: widget.name, version: widget.version, capabilities: widget.capabilities };
  return {
    widget: info,
    village: villageOf(init.snapshot),
    user: null,
    config: widget.config,
    locale: init.locale,
    elderly: options.elderly,
    navigate: options.navigate,
    events: options.events.forWidget(info),
    api: bridgedHostApi(channel, widget.name),
  };
}
