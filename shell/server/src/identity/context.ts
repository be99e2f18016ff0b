/** What the identity plugin's route files share (./plugin.ts builds it once per origin). */
import type { AuditLog } from '@cunmen/audit-log';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IdentityStore, IdentityUser, Session } from './store.js';

export interface SessionAnswer {
  user: ReturnType<typeof import('./plugin.js').publicUser>;
  csrfToken: string;
  mfa: 'required' | 'enrolment-required' | 'passed';
}

export interface IdentityContext {
  store: IdentityStore;
  audit: AuditLog | undefined;
  /** This origin's session cookie name (`cunmen_session`, or the console's). */
  cookieName: string;
  /** The origin this plugin serves. */
  surface: 'resident' | 'console';
  secureCookies: boolean;
  /** Route options that apply the per-address sign-in rate limit. */
  limited: { config: { rateLimit: { max: number; timeWindow: string } } };
  /** Appends to the audit log (when there is one); `subject` defaults to `user:<actor>`. */
  record(
    request: FastifyRequest,
    actor: string,
    action: string,
    detail?: Record<string, unknown>,
    subject?: string,
  ): Promise<void>;
  startSession(reply: FastifyReply, user: IdentityUser, mfaPassed: boolean): Promise<Session>;
  sessionAnswer(user: IdentityUser, session: Session): SessionAnswer;
  belongsHere(user: IdentityUser): boolean;
  wrongOrigin(user: IdentityUser): Error;
}
