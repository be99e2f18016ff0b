/**
 * What identity keeps: users, sessions, OIDC login attempts, residents' one-time SMS codes, WeChat
 * authorisation attempts and the shared WeChat tokens (SQLite or PostgreSQL, ./sql-store.ts).
 */
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
  /** A resident's mainland mobile number (11 digits); one account per number. */
  phone: string | null;
  /** When the phone was first proven by an SMS code (null: pre-registered, not signed in by it yet). */
  phoneVerifiedAt: string | null;
  /** The WeChat official account's openid bound to this resident; one account per openid. */
  wechatOpenid: string | null;
  createdAt: string;
}

export interface NewIdentityUser {
  name: string;
  displayName: string;
  role: IdentityRole;
  division: string;
  household?: string | null;
  passwordHash?: string | null;
  phone?: string | null;
  phoneVerifiedAt?: string | null;
  wechatOpenid?: string | null;
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

/** A one-time sign-in code sent by SMS: only hashes of the phone and the code are kept. */
export interface PhoneCode {
  id: number;
  /** sha256 of the phone number (./phone-input.ts `phoneKey`). */
  phoneHash: string;
  /** scrypt of the code (./phone-codes.ts), never the code. */
  codeHash: string;
  /** Verifications counted against this code so far. */
  attempts: number;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export type NewPhoneCode = Omit<PhoneCode, 'id' | 'attempts' | 'usedAt'>;

/** What counting one verification of a phone's latest code found. */
export type PhoneCodeAttempt =
  | { status: 'none' | 'used' | 'expired' | 'exhausted' }
  /** The attempt is counted (`code.attempts` includes it): compare the hash now. */
  | { status: 'counted'; code: PhoneCode };

/** A WeChat web-authorisation attempt: bound to the browser that started it, usable once. */
export interface WechatAttempt {
  /** sha256 of the `state` sent to WeChat. */
  stateHash: string;
  /** sha256 of the random value in the starting browser's cookie. */
  browserHash: string;
  scope: 'snsapi_base' | 'snsapi_userinfo';
  /** The village portal the resident started from (a new account is scoped to it). */
  village: string;
  returnTo: string;
  createdAt: string;
  expiresAt: string;
}

/** A WeChat access token or jsapi_ticket every instance shares, with when it stops being used. */
export interface WechatToken {
  value: string;
  expiresAt: string;
}

/** What binding an openid to an account did. */
export type OpenidBinding = 'bound' | 'already-bound' | 'openid-taken' | 'account-has-other';

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
  findUserByPhone(phone: string): Promise<IdentityUser | null>;
  findUserByWechatOpenid(openid: string): Promise<IdentityUser | null>;
  /** Residents within `division` (a code prefix) who belong to no household yet, oldest first. */
  listResidentsWithoutHousehold(division: string): Promise<IdentityUser[]>;
  /** Records the first time the account's phone was proven by a code (later calls change nothing). */
  markPhoneVerified(id: number, at: string): Promise<void>;
  /** Binds `openid` to the account unless it is another account's or the account has another one. */
  bindWechatOpenid(id: number, openid: string): Promise<OpenidBinding>;
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

  /** Stores a sent code; earlier codes of the phone stop counting (only the latest can be used). */
  savePhoneCode(code: NewPhoneCode): Promise<void>;
  /**
   * Counts one verification against the phone's latest code, atomically across instances: a code that
   * is used, expired at `now` or has had `maxAttempts` verifications is not counted and says why.
   */
  countPhoneCodeAttempt(phoneHash: string, now: string, maxAttempts: number): Promise<PhoneCodeAttempt>;
  /** Marks the code used: true for exactly one caller, however many instances try at once. */
  usePhoneCode(id: number, at: string): Promise<boolean>;

  saveWechatAttempt(attempt: WechatAttempt): Promise<void>;
  /** Returns and deletes the attempt (a state is usable once, on whichever instance). */
  takeWechatAttempt(stateHash: string): Promise<WechatAttempt | null>;
  readWechatToken(name: string): Promise<WechatToken | null>;
  /**
   * Claims the right to fetch `name` anew until `until`: true for one holder at a time (a claim whose
   * time ran out can be taken over), and only while the stored value is expired at `now` or is
   * `retired` (WeChat said it is no longer valid), so instances sharing the database never fetch it twice.
   */
  claimWechatRefresh(
    name: string,
    holder: string,
    now: string,
    until: string,
    retired?: string,
  ): Promise<boolean>;
  /** Stores the fetched value and ends `holder`'s claim. */
  saveWechatToken(name: string, holder: string, token: WechatToken): Promise<void>;
  /** Ends `holder`'s claim without a value (the fetch failed). */
  releaseWechatRefresh(name: string, holder: string): Promise<void>;
}
