/** Publish events to other widgets (needs `events.publish`). */
import { useCallback } from 'react';
import type { CunmenEvents, EventName } from '../core/events.js';
import { useHost } from './useHost.js';

/**
 * The returned function throws `CapabilityDeniedError` when `events.publish` was not granted.
 *
 * @example const publish = usePublish(); publish('waste.booked', { id });
 */
export function usePublish(): <K extends EventName>(name: K, payload: CunmenEvents[K]) => void {
  const { events } = useHost();
  return useCallback(
    <K extends EventName>(name: K, payload: CunmenEvents[K]) => events.publish(name, payload),
    [events],
  );
}
