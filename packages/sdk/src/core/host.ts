/**
 * `Host`: what the shell hands each widget (through `<HostProvider>`): who and where it runs, its
 * config, locale, elderly mode, navigation, events and the host API.
 */

import type { Capability } from '@cunmen/manifest';
import type { EventBus } from './events.js';
import type { HostApi } from './host-api.js';
import type { DeviceLocation } from './location.js';
import type { HostUser, Locale, Village, WidgetInfo } from './types.js';

/** Elderly mode (长辈版): a small external store, shared by the whole portal and remembered by the host. */
export interface ElderlyMode {
  get(): boolean;
  set(elderly: boolean): void;
  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

export interface Host {
  widget: WidgetInfo;
  village: Village;
  /** `null` when nobody is signed in, or when the widget was not granted `user.read`. */
  user: HostUser | null;
  /** The widget's config as the village cadre filled it in (validated against its config schema). */
  config: Readonly<Record<string, unknown>>;
  locale: Locale;
  elderly: ElderlyMode;
  /** Navigate the portal, e.g. to the widget's page. */
  navigate(to: string): void;
  events: EventBus;
  api: HostApi;
  /** The device location (`location.read`); absent in a host that cannot locate (then the hook says so). */
  location?: DeviceLocation;
}

/** Whether the widget was granted `capability` at review. */
export function hasCapability(host: Pick<Host, 'widget'>, capability: Capability): boolean {
  return host.widget.capabilities.includes(capability);
}

/**
 * A plain in-memory `ElderlyMode` (the host persists it itself, e.g. in `onChange`).
 *
 * @example
 * const elderly = createElderlyMode(localStorage.getItem('elderly') === '1', (v) =>
 *   localStorage.setItem('elderly', v ? '1' : '0'),
 * );
 */
export function createElderlyMode(initial = false, onChange?: (elderly: boolean) => void): ElderlyMode {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      const elderly = Boolean(next);
      if (elderly === value) return;
      value = elderly;
      onChange?.(elderly);
      for (const listener of Array.from(listeners)) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
