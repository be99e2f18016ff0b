/** The widget's config, as the village cadre filled it in. */
import { useHost } from './useHost.js';

/**
 * Typed by the caller; the shell validated it against the widget's config schema.
 *
 * @example const { pickupDays } = useConfig<{ pickupDays: string[] }>();
 */
export function useConfig<T extends Record<string, unknown> = Record<string, unknown>>(): Readonly<T> {
  return useHost().config as Readonly<T>;
}
