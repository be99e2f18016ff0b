/** What identity keeps: users, sessions, OIDC login attempts. SQLite today; PostgreSQL later. */
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
}

export interface IdentityStore {
  migrate(): Promise<void>;
  createUser(user: NewIdentityUser): Promise<IdentityUser>;
  findUserByName(name: string): Promise<IdentityUser | null>;
  findUserById(id: number): Promise<IdentityUser | null>;
  findUserByOidcSubject(subject: string): Promise<IdentityUser | null>;
  updateUser(
    id: number,
    changes: Partial<
      Pick<IdentityUser, 'passwordHash' | 'totpSecret' | 'totpEnabled' | 'totpLastStep' | 'oidcSubject'>
    >,
  ): Promise<void>;
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
