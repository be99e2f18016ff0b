/** What identity keeps: users, sessions, OIDC login attempts (SQLite or PostgreSQL, ./sql-store.ts). */
import type { IdentityRole } from './roles.js';

export interface IdentityUser {
  id: number;
  name: string;
  displayName: string;
  role: IdentityRole;
  /** Division code the user is scoped to (6 digits for province/county, 9 township, 12 village). */
  division: string;
  /** A resident's household, when known. */
  household: string | null;
  passwordHash: string | null;
  totpSecret: string | null;
  totpEnabled: boolean;
  totpLastStep: number | null;
  /** A new secret from `/totp/setup`, active only once a code from it is confirmed. */
  totpPendingSecret: string | null;
  /** Wrong TOTP codes since the last right one (per account, whichever address sent them). */
  totpFailures: number;
  /** No code is checked before this time (ISO), after too many wrong ones. */
  totpLockedUntil: string | null;
  /** `<issuer> <sub>` of the provincial identity platform, once linked. */
  oidcSubject: string | null;
  createdAt: string;
}

export interface NewIdentityUser {
  name: string;
  displayName: string;
  role: IdentityRole;
  division: string;
  household?: string | null;
  passwordHash?: string | null;
}

export interface Session {
  tokenHash: string;
  userId: number;
  csrfToken: string;
  /** The second factor was passed (or the role needs none). */
  mfaPassed: boolean;
  createdAt: string;
  expiresAt: string;
}

export interface OidcAttempt {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  createdAt: string;
  /** sha256 of the random value in the cookie of the browser that started the attempt. */
  browserHash: string;
}

export type UserChanges = Partial<
  Pick<
    IdentityUser,
    | 'passwordHash'
    | 'totpSecret'
    | 'totpEnabled'
    | 'totpLastStep'
    | 'totpPendingSecret'
    | 'totpLockedUntil'
    | 'oidcSubject'
  >
>;

export interface IdentityStore {
  migrate(): Promise<void>;
  createUser(user: NewIdentityUser): Promise<IdentityUser>;
  findUserByName(name: string): Promise<IdentityUser | null>;
  findUserById(id: number): Promise<IdentityUser | null>;
  findUserByOidcSubject(subject: string): Promise<IdentityUser | null>;
  updateUser(id: number, changes: UserChanges): Promise<void>;
  /** Counts one wrong TOTP code (atomically, across instances) and returns the new count. */
  recordTotpFailure(id: number): Promise<number>;
  /** After a right code: the count starts again and any lock ends. */
  clearTotpFailures(id: number): Promise<void>;
  /** Records a used TOTP step only if it is newer than the last one (so a code cannot be replayed). */
  recordTotpStep(id: number, step: number): Promise<boolean>;

  createSession(session: Session): Promise<void>;
  findSession(tokenHash: string): Promise<Session | null>;
  markSessionMfaPassed(tokenHash: string): Promise<void>;
  deleteSession(tokenHash: string): Promise<void>;
  deleteExpiredSessions(now: string): Promise<void>;

  saveOidcAttempt(attempt: OidcAttempt): Promise<void>;
  /** Returns and deletes the attempt (a state is usable once). */
  takeOidcAttempt(state: string): Promise<OidcAttempt | null>;
}
