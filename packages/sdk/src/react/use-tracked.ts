/**
 * Internal: pending / error / result state for the action hooks. Actions never reject — a failure lands
 * in `error` and the action resolves `undefined` — so `onClick={() => submit(data)}` cannot leave an
 * unhandled rejection on a resident's phone.
 */
import { useCallback, useRef, useState } from 'react';
import { type HostError, toHostError } from '../core/errors.js';

export type Outcome<R> = { ok: true; value: R } | { ok: false; error: HostError };

export interface Tracker {
  pending: boolean;
  error: HostError | null;
  track<R>(work: () => Promise<R>): Promise<Outcome<R>>;
  clearError(): void;
}

export function useTracked(): Tracker {
  const [pendingCount, setPendingCount] = useState(0);
  const [error, setError] = useState<HostError | null>(null);
  const latestCall = useRef(0);
  const track = useCallback(async <R>(work: () => Promise<R>): Promise<Outcome<R>> => {
    const call = ++latestCall.current;
    setPendingCount((n) => n + 1);
    setError(null);
    try {
      return { ok: true, value: await work() };
    } catch (thrown) {
      const hostError = toHostError(thrown);
      // Only the latest call's failure is shown; an older one finishing late must not replace it.
      if (call === latestCall.current) setError(hostError);
      return { ok: false, error: hostError };
    } finally {
      setPendingCount((n) => n - 1);
    }
  }, []);
  const clearError = useCallback(() => setError(null), []);
  return { pending: pendingCount > 0, error, track, clearError };
}
