/** The signed-in user (display name already masked), or `null`. */
import type { HostUser } from '../core/types.js';
import { useHost } from './useHost.js';

/**
 * `null` when nobody is signed in or the widget lacks `user.read`.
 *
 * @example const user = useUser(); if (!user) return <SignInHint />;
 */
export function useUser(): HostUser | null {
  return useHost().user;
}
