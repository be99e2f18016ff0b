/** Navigate the portal. */
import { useCallback } from 'react';
import { useHost } from './useHost.js';

/** @example const navigate = useNavigate(); navigate('/w/waste-booking'); */
export function useNavigate(): (to: string) => void {
  const host = useHost();
  return useCallback((to: string) => host.navigate(to), [host]);
}
