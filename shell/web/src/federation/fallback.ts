/**
 * MF runtime plugin: when a remote module cannot be loaded (entry 404, chunk error, bad container,
 * refused script), `loadRemote` resolves with a fallback module instead of rejecting, so the portal
 * never blanks. The slot recognises it with {@link isFallbackModule} and draws the fallback tile.
 */
import type { ModuleFederationRuntimePlugin } from '@module-federation/runtime';
import { reportShellError } from '../errors.js';

const FALLBACK = '__cunmenFallback';

export interface FallbackModule {
  [FALLBACK]: true;
  id: string;
  error: string;
  default: null;
}

export function isFallbackModule(value: unknown): value is FallbackModule {
  return typeof value === 'object' && value !== null && (value as Record<string, unknown>)[FALLBACK] === true;
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}

export function fallbackPlugin(): ModuleFederationRuntimePlugin {
  return {
    name: 'cunmen-fallback',
    errorLoadRemote({ id, error, lifecycle }) {
      if (lifecycle !== 'onLoad') return undefined;
      const message = describe(error);
      reportShellError('SHELL_ERR_WIDGET_LOAD', id, message);
      const fallback: FallbackModule = { [FALLBACK]: true, id, error: message, default: null };
      return fallback;
    },
  };
}
