/** Puts a `Host` in React context for the hooks. The shell wraps every widget it renders in one. */
import type { ReactNode } from 'react';
import type { Host } from '../core/host.js';
import { HostContext } from './host-context.js';

export interface HostProviderProps {
  host: Host;
  children?: ReactNode;
}

/**
 * @example
 * <HostProvider host={host}><Tile.Component /></HostProvider>
 */
export function HostProvider({ host, children }: HostProviderProps) {
  return <HostContext.Provider value={host}>{children}</HostContext.Provider>;
}
