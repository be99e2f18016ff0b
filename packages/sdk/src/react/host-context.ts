/** The React context that carries the `Host`; internal — widgets use `HostProvider` and `useHost`. */
import { createContext } from 'react';
import type { Host } from '../core/host.js';

export const HostContext = createContext<Host | null>(null);
HostContext.displayName = 'CunmenHost';
