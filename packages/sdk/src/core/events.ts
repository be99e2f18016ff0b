/**
 * Typed events between widgets on one page. Widgets add their events by declaration merging:
 *
 * ```ts
 * declare module '@cunmen/sdk' {
 *   interface CunmenEvents {
 *     'waste.booked': { id: string };
 *   }
 * }
 * ```
 *
 * The host owns one `EventHub` per page and gives each widget a view of it (`hub.forWidget(widget)`).
 * Publishing needs the `events.publish` capability; subscribing needs none. Payloads must be JSON and
 * every handler gets its own copy, so one widget cannot change what another receives; a handler that
 * throws is reported and the others still run. Dispatch is synchronous.
 */
import { CapabilityDeniedError, invalidArgument } from './errors.js';
import type { WidgetInfo } from './types.js';
import { checkJson } from './validate.js';

/** Event name → payload. Augment it for your widget's events (see the module comment). */
export interface CunmenEvents {
  /** The resident switched elderly mode (长辈版). Host only. */
  'elderly.changed': { elderly: boolean };
  /** The portal navigated. Host only. */
  navigation: { to: string };
}

export type EventName = keyof CunmenEvents & string;

/** Events only the host emits; a widget publishing one gets `SDK_ERR_INVALID_ARGUMENT`. */
export const HOST_EVENTS: readonly EventName[] = ['elderly.changed', 'navigation'];

/** `source` is the publishing widget's package name, or `'host'`. */
export interface EventMeta {
  name: string;
  source: string;
}

export type EventHandler<K extends EventName> = (payload: CunmenEvents[K], meta: EventMeta) => void;

/** A widget's view of the page's events. */
export interface EventBus {
  /** Needs `events.publish`; throws `CapabilityDeniedError` otherwise. */
  publish<K extends EventName>(name: K, payload: CunmenEvents[K]): void;
  /** Returns the unsubscribe function. */
  subscribe<K extends EventName>(name: K, handler: EventHandler<K>): () => void;
}

/** The page-wide hub the host owns. */
export interface EventHub {
  /** Emit without a capability check: for the host itself (built-in events). */
  emit<K extends EventName>(name: K, payload: CunmenEvents[K], source?: string): void;
  subscribe<K extends EventName>(name: K, handler: EventHandler<K>): () => void;
  /** The capability-checked view handed to one widget. */
  forWidget(widget: WidgetInfo): EventBus;
}

export interface EventHubOptions {
  /** Where a throwing handler's error goes; defaults to `console.error`. */
  onHandlerError?: (error: unknown, meta: EventMeta) => void;
}

type AnyHandler = (payload: unknown, meta: EventMeta) => void;

function checkName(name: unknown): string {
  if (typeof name !== 'string' || name === '' || name.length > 128) {
    throw invalidArgument(
      'event name',
      { 'zh-CN': '1 到 128 个字符的事件名', en: 'a name of 1–128 characters' },
      name,
    );
  }
  return name;
}

/**
 * Creates the page-wide event hub.
 *
 * @example
 * const hub = createEventHub();
 * const events = hub.forWidget(widget); // goes into the widget's Host
 * hub.emit('elderly.changed', { elderly: true });
 */
export function createEventHub(options: EventHubOptions = {}): EventHub {
  const handlers = new Map<string, Set<AnyHandler>>();
  const onHandlerError =
    options.onHandlerError ??
    ((error: unknown, meta: EventMeta) =>
      console.error(`[cunmen] handler for event "${meta.name}" threw`, error));

  function emit(name: string, payload: unknown, source: string): void {
    checkName(name);
    const text = checkJson('event payload', payload);
    const set = handlers.get(name);
    if (!set || set.size === 0) return;
    const meta: EventMeta = { name, source };
    for (const handler of Array.from(set)) {
      try {
        handler(JSON.parse(text), { ...meta });
      } catch (error) {
        try {
          onHandlerError(error, meta);
        } catch {
          // An error reporter that throws must not stop delivery either.
        }
      }
    }
  }

  function subscribe(name: string, handler: AnyHandler): () => void {
    checkName(name);
    if (typeof handler !== 'function') {
      throw invalidArgument('handler', { 'zh-CN': '函数', en: 'a function' }, handler);
    }
    let set = handlers.get(name);
    if (!set) {
      set = new Set();
      handlers.set(name, set);
    }
    // Wrap so the same function subscribed twice gets two independent subscriptions.
    const entry: AnyHandler = (payload, meta) => handler(payload, meta);
    set.add(entry);
    return () => {
      set.delete(entry);
    };
  }

  const hub: EventHub = {
    emit: (name, payload, source = 'host') => emit(name, payload, source),
    subscribe: (name, handler) => subscribe(name, handler as AnyHandler),
    forWidget(widget) {
      return {
        publish(name, payload) {
          if (!widget.capabilities.includes('events.publish'))
            throw new CapabilityDeniedError('events.publish');
          if (HOST_EVENTS.includes(name)) {
            throw invalidArgument(
              'event name',
              {
                'zh-CN': '本组件自己的事件名（该事件只能由宿主发布）',
                en: `a widget event ("${name}" is emitted by the host only)`,
              },
              name,
            );
          }
          emit(name, payload, widget.name);
        },
        subscribe: (name, handler) => subscribe(name, handler as AnyHandler),
      };
    },
  };
  return hub;
}
