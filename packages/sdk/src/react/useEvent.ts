/** Subscribe to an event for the component's lifetime. */
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { EventHandler, EventName } from '../core/events.js';
import { useHost } from './useHost.js';

/**
 * The latest `handler` is always called; re-subscribes only when `name` or the host changes.
 *
 * @example useEvent('waste.booked', ({ id }) => reload());
 */
export function useEvent<K extends EventName>(name: K, handler: EventHandler<K>): void {
  const { events } = useHost();
  const latest = useRef(handler);
  useLayoutEffect(() => {
    latest.current = handler;
  });
  useEffect(() => events.subscribe(name, (payload, meta) => latest.current(payload, meta)), [events, name]);
}
