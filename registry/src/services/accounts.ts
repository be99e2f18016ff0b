/**
 * Accounts: users made by the province, the tokens they publish with (shown once, stored hashed), the
 * passwords behind `npm login`, and revocation. Each change, and each failed login, is audited; the
 * audit log names a token by a prefix of its hash, never the token itself.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { regError } from '../errors.js';
import type { NewUser, Storage, User, WebLoginClient, WebLoginState } from '../storage/types.js';
import { type Actor, recordActivity } from './actor.js';
import { checkPassword, hashPassword } from './passwords.js';
import { hashToken, newToken } from './tokens.js';

function isConstraintViolation(err: unknown): boolean {
  return String((err as { code?: unknown } | null)?.code).startsWith('SQLITE_CONSTRAINT');
}

/** Creates a user and its first token; the token is returned once (only its hash is stored). */
export async function createAccount(
  storage: Storage,
  actor: Actor,
  input: NewUser,
): Promise<{ user: User; token: string }> {
  if (await storage.accounts.findUserByName(input.name)) {
    throw regError('REG_ERR_ACCOUNT_EXISTS', `a user named "${input.name}" already exists`, {
      field: 'name',
    });
  }
  const user = await storage.accounts.createUser(input).catch((err: unknown) => {
    if (isConstraintViolation(err)) {
      throw regError('REG_ERR_ACCOUNT_EXISTS', `scope ${input.scope} already belongs to another user`, {
        field: 'scope',
      });
    }
    throw err;
  });
  const token = newToken();
  await storage.accounts.addToken(user.id, hashToken(token));
  await recordActivity(storage, actor, {
    action: 'user.add',
    subject: `user:${user.name}`,
    detail: { role: user.role, county: user.county, scope: user.scope },
  });
  return { user, token };
}

/** Sets the password a user gives to `npm login`; existing tokens stay valid. */
export async function setAccountPassword(
  storage: Storage,
  actor: Actor,
  name: string,
  password: string,
): Promise<void> {
  const user = await storage.accounts.findUserByName(name);
  if (!user) throw regError('REG_ERR_NOT_FOUND', `no user named "${name}"`, { field: 'name' });
  await storage.accounts.setPasswordHash(user.id, await hashPassword(password));
  await recordActivity(storage, actor, { action: 'user.password', subject: `user:${name}` });
}

/** Revokes a token; the registry refuses it from then on. */
export async function revokeAccountToken(storage: Storage, actor: Actor, token: string): Promise<void> {
  const hash = hashToken(token);
  const owner = await storage.accounts.findUserByTokenHash(hash);
  if (!(await storage.accounts.revokeToken(hash))) {
    throw regError('REG_ERR_NOT_FOUND', 'that token is unknown or already revoked');
  }
  await recordActivity(storage, actor, {
    action: 'token.revoke',
    subject: `user:${owner?.name ?? 'unknown'}`,
    detail: { tokenHash: hash.slice(0, 16) },
  });
}

/** `npm login` with a user name and password (legacy, or the web page): a new token. */
export async function issueLoginToken(
  storage: Storage,
  name: unknown,
  password: unknown,
  ip: string,
  via: 'legacy' | 'web',
): Promise<{ user: User; token: string }> {
  if (typeof name !== 'string' || typeof password !== 'string' || name === '' || password === '') {
    throw regError('REG_ERR_BAD_LOGIN', 'give a user name and a password');
  }
  const user = await storage.accounts.findUserByName(name);
  const ok = await checkPassword(password, user?.passwordHash ?? null);
  if (!user || !ok) {
    // A guessed password shows in the log as a run of these from one address or for one name.
    await storage.audit.append({
      actor: 'anonymous',
      action: 'login.fail',
      subject: `user:${name.slice(0, 64)}`,
      detail: { via, known: user !== null },
      ip,
    });
    throw regError('REG_ERR_BAD_LOGIN', 'wrong user name or password');
  }
  const token = newToken();
  await storage.accounts.addToken(user.id, hashToken(token));
  await recordActivity(
    storage,
    { user, ip },
    { action: 'token.create', subject: `user:${user.name}`, detail: { via } },
  );
  return { user, token };
}

/** Letters and digits a person cannot confuse when comparing (no 0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A code such as `K7QF-2M9X`: 40 bits, enough that a guessed or reused one does not match by chance. */
function compareCode(): string {
  const chars = Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

export interface StartedWebLogin {
  /** In the login page's URL, which the person opens (and may share by mistake). */
  id: string;
  /** In the URL npm polls; only the client that started the login has it. */
  doneSecret: string;
  code: string;
}

/**
 * Starts a web login for a client: the page id, a separate polling secret (stored hashed, so whoever
 * sees the page's URL cannot collect the token) and the code the person compares.
 */
export async function startWebLogin(storage: Storage, client: WebLoginClient): Promise<StartedWebLogin> {
  const started = {
    id: randomBytes(24).toString('base64url'),
    doneSecret: randomBytes(32).toString('base64url'),
    code: compareCode(),
  };
  await storage.accounts.createWebLogin({
    id: started.id,
    doneHash: hashToken(started.doneSecret),
    code: started.code,
    client,
  });
  return started;
}

/** The state of a web login for the client polling with its secret. */
export function pollWebLogin(storage: Storage, doneSecret: string): Promise<WebLoginState> {
  return storage.accounts.takeWebLogin(hashToken(doneSecret));
}

/**
 * Signs a person in on the login page and hands the new token to the session; false (and the token
 * revoked again) when the session expired or was already used.
 */
export async function completeWebLogin(
  storage: Storage,
  id: string,
  name: unknown,
  password: unknown,
  ip: string,
): Promise<boolean> {
  const { token } = await issueLoginToken(storage, name, password, ip, 'web');
  if (await storage.accounts.completeWebLogin(id, token)) return true;
  await storage.accounts.revokeToken(hashToken(token));
  return false;
}
