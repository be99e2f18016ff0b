/**
 * The signed-in staff account, from the shell's identity routes on the console origin (`/api/auth/*`,
 * the console's own cookie): password, then the TOTP second factor province and county roles need (or
 * its enrolment at the first sign-in), sign-out. Kept in TanStack Query under `SESSION_KEY`.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type Api, ApiError, useApi } from './client.js';

export interface SessionUser {
  name: string;
  displayName: string;
  role: string;
  division: string;
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
  mfa: 'passed' | 'required' | 'enrolment-required';
}

export const SESSION_KEY = ['session'] as const;

/** The current session, or null when nobody (or nobody past the second factor) is signed in. */
export async function currentSession(api: Api): Promise<Session | null> {
  try {
    const session = await api<Session>('/api/auth/me');
    return session.mfa === 'passed' ? session : null;
  } catch (error) {
    if (error instanceof ApiError && (error.code === 'SHELL_ERR_UNAUTHORIZED' || error.status === 401))
      return null;
    throw error;
  }
}

export const signIn = (api: Api, name: string, password: string) =>
  api<Session>('/api/auth/login', { method: 'POST', body: { name, password } });

export const submitTotp = (api: Api, code: string, csrf: string) =>
  api<Session>('/api/auth/totp', { method: 'POST', body: { code }, csrf });

export const startTotpEnrolment = (api: Api, csrf: string) =>
  api<{ secret: string; otpauthUri: string }>('/api/auth/totp/setup', { method: 'POST', body: {}, csrf });

export const enableTotp = (api: Api, code: string, csrf: string) =>
  api<Session>('/api/auth/totp/enable', { method: 'POST', body: { code }, csrf });

export async function signOut(api: Api, csrf: string): Promise<void> {
  await api('/api/auth/logout', { method: 'POST', body: {}, csrf }).catch(() => undefined);
}

export function useSession() {
  const api = useApi();
  return useQuery({ queryKey: SESSION_KEY, queryFn: () => currentSession(api), staleTime: 60_000 });
}

/** Sets (or clears) the session everywhere after a sign-in or sign-out, and forgets staff data. */
export function useSetSession() {
  const client = useQueryClient();
  return (session: Session | null) => {
    if (session === null) client.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
    client.setQueryData(SESSION_KEY, session);
  };
}
