/**
 * Identity in the shell's database (SQLite or PostgreSQL), with its own migration table
 * (./migrations.ts) so it evolves independently of the portal tables that share the database.
 */

import { Migrator, type Selectable, sql } from 'kysely';
import { isUniqueViolation } from '../storage/dialect/index.js';
import { IDENTITY_MIGRATIONS } from './migrations.js';
import { SqlChannelStore } from './sql-channel-store.js';
import type { SessionsTable, UsersTable } from './sql-tables.js';
import type {
  IdentityStore,
  IdentityUser,
  NewIdentityUser,
  OidcAttempt,
  OpenidBinding,
  Session,
  UserChanges,
} from './store.js';

export function toUser(r: Selectable<UsersTable>): IdentityUser {
  return {
    id: r.id,
    name: r.name,
    displayName: r.display_name,
    role: r.role,
    division: r.division,
    household: r.household,
    passwordHash: r.password_hash,
    totpSecret: r.totp_secret,
    totpEnabled: r.totp_enabled === 1,
    totpLastStep: r.totp_last_step,
    totpPendingSecret: r.totp_pending_secret,
    totpFailures: Number(r.totp_failures),
    totpLockedUntil: r.totp_locked_until,
    oidcSubject: r.oidc_subject,
    phone: r.phone,
    phoneVerifiedAt: r.phone_verified_at,
    wechatOpenid: r.wechat_openid,
    createdAt: r.created_at,
  };
}

function toSession(r: Selectable<SessionsTable>): Session {
  return {
    tokenHash: r.token_hash,
    userId: r.user_id,
    csrfToken: r.csrf_token,
    mfaPassed: r.mfa_passed === 1,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
  };
}

export class SqlIdentityStore extends SqlChannelStore implements IdentityStore {
  async migrate(): Promise<void> {
    const migrator = new Migrator({
      db: this.db,
      provider: { getMigrations: async () => IDENTITY_MIGRATIONS },
      migrationTableName: 'identity_migration',
      migrationLockTableName: 'identity_migration_lock',
    });
    const { error } = await migrator.migrateToLatest();
    if (error) throw error;
  }

  async createUser(u: NewIdentityUser): Promise<IdentityUser> {
    const row = await this.db
      .insertInto('identity_users')
      .values({
        name: u.name,
        display_name: u.displayName,
        role: u.role,
        division: u.division,
        household: u.household ?? null,
        password_hash: u.passwordHash ?? null,
        totp_secret: null,
        totp_enabled: 0,
        totp_last_step: null,
        oidc_subject: null,
        phone: u.phone ?? null,
        phone_verified_at: u.phoneVerifiedAt ?? null,
        wechat_openid: u.wechatOpenid ?? null,
        created_at: new Date().toISOString(),
      } as never)
      .returningAll()
      .executeTakeFirstOrThrow();
    return toUser(row as Selectable<UsersTable>);
  }

  async findUserByName(name: string): Promise<IdentityUser | null> {
    const r = await this.db
      .selectFrom('identity_users')
      .selectAll()
      .where('name', '=', name)
      .executeTakeFirst();
    return r ? toUser(r) : null;
  }

  async findUserById(id: number): Promise<IdentityUser | null> {
    const r = await this.db.selectFrom('identity_users').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toUser(r) : null;
  }

  async findUserByOidcSubject(subject: string): Promise<IdentityUser | null> {
    const r = await this.db
      .selectFrom('identity_users')
      .selectAll()
      .where('oidc_subject', '=', subject)
      .executeTakeFirst();
    return r ? toUser(r) : null;
  }

  async findUserByPhone(phone: string): Promise<IdentityUser | null> {
    const r = await this.db
      .selectFrom('identity_users')
      .selectAll()
      .where('phone', '=', phone)
      .executeTakeFirst();
    return r ? toUser(r) : null;
  }

  async findUserByWechatOpenid(openid: string): Promise<IdentityUser | null> {
    const r = await this.db
      .selectFrom('identity_users')
      .selectAll()
      .where('wechat_openid', '=', openid)
      .executeTakeFirst();
    return r ? toUser(r) : null;
  }

  async listResidentsWithoutHousehold(division: string): Promise<IdentityUser[]> {
    const rows = await this.db
      .selectFrom('identity_users')
      .selectAll()
      .where('role', '=', 'resident')
      .where('household', 'is', null)
      .where('division', 'like', `${division.replace(/[^0-9]/g, '')}%`)
      .orderBy('id')
      .execute();
    return rows.map(toUser);
  }

  async markPhoneVerified(id: number, at: string): Promise<void> {
    await this.db
      .updateTable('identity_users')
      .set({ phone_verified_at: at })
      .where('id', '=', id)
      .where('phone_verified_at', 'is', null)
      .execute();
  }

  async bindWechatOpenid(id: number, openid: string): Promise<OpenidBinding> {
    const holder = await this.findUserByWechatOpenid(openid);
    if (holder) return holder.id === id ? 'already-bound' : 'openid-taken';
    try {
      // Only an account without an openid takes one; the unique index keeps an openid on one account
      // when two instances bind it at once.
      const r = await this.db
        .updateTable('identity_users')
        .set({ wechat_openid: openid })
        .where('id', '=', id)
        .where('wechat_openid', 'is', null)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 1) return 'bound';
    } catch (err) {
      if (isUniqueViolation(err)) return 'openid-taken';
      throw err;
    }
    const now = await this.findUserById(id);
    return now?.wechatOpenid === openid ? 'already-bound' : 'account-has-other';
  }

  async updateUser(id: number, c: UserChanges): Promise<void> {
    const set: Partial<UsersTable> = {};
    if (c.passwordHash !== undefined) set.password_hash = c.passwordHash;
    if (c.totpSecret !== undefined) set.totp_secret = c.totpSecret;
    if (c.totpEnabled !== undefined) set.totp_enabled = c.totpEnabled ? 1 : 0;
    if (c.totpLastStep !== undefined) set.totp_last_step = c.totpLastStep;
    if (c.totpPendingSecret !== undefined) set.totp_pending_secret = c.totpPendingSecret;
    if (c.totpLockedUntil !== undefined) set.totp_locked_until = c.totpLockedUntil;
    if (c.oidcSubject !== undefined) set.oidc_subject = c.oidcSubject;
    if (Object.keys(set).length === 0) return;
    await this.db.updateTable('identity_users').set(set).where('id', '=', id).execute();
  }

  async recordTotpStep(id: number, step: number): Promise<boolean> {
    const result = await this.db
      .updateTable('identity_users')
      .set({ totp_last_step: step })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async recordTotpFailure(id: number): Promise<number> {
    // One UPDATE … RETURNING: two instances counting at once both count.
    const r = await this.db
      .updateTable('identity_users')
      .set({ totp_failures: sql`totp_failures + 1` })
      .where('id', '=', id)
      .returning('totp_failures')
      .executeTakeFirst();
    return Number(r?.totp_failures ?? 0);
  }

  async clearTotpFailures(id: number): Promise<void> {
    await this.db
      .updateTable('identity_users')
      .set({ totp_failures: 0, totp_locked_until: null })
      .where('id', '=', id)
      .execute();
  }

  async createSession(s: Session): Promise<void> {
    await this.db
      .insertInto('identity_sessions')
      .values({
        token_hash: s.tokenHash,
        user_id: s.userId,
        csrf_token: s.csrfToken,
        mfa_passed: s.mfaPassed ? 1 : 0,
        created_at: s.createdAt,
        expires_at: s.expiresAt,
      })
      .execute();
  }

  async findSession(tokenHash: string): Promise<Session | null> {
    const r = await this.db
      .selectFrom('identity_sessions')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return r ? toSession(r) : null;
  }

  async markSessionMfaPassed(tokenHash: string): Promise<void> {
    await this.db
      .updateTable('identity_sessions')
      .set({ mfa_passed: 1 })
      .where('token_hash', '=', tokenHash)
      .execute();
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('identity_sessions').where('token_hash', '=', tokenHash).execute();
  }

  async deleteExpiredSessions(now: string): Promise<void> {
    await this.db.deleteFrom('identity_sessions').where('expires_at', '<', now).execute();
    const cutoff = new Date(Date.parse(now) - 10 * 60_000).toISOString();
    await this.db.deleteFrom('identity_oidc_attempts').where('created_at', '<', cutoff).execute();
  }

  async saveOidcAttempt(a: OidcAttempt): Promise<void> {
    await this.db
      .insertInto('identity_oidc_attempts')
      .values({
        state: a.state,
        nonce: a.nonce,
        code_verifier: a.codeVerifier,
        return_to: a.returnTo,
        created_at: a.createdAt,
        browser_hash: a.browserHash,
      })
      .execute();
  }

  async takeOidcAttempt(state: string): Promise<OidcAttempt | null> {
    // DELETE … RETURNING: of two instances answering the same callback, exactly one gets the attempt.
    const r = await this.db
      .deleteFrom('identity_oidc_attempts')
      .where('state', '=', state)
      .returningAll()
      .executeTakeFirst();
    if (!r) return null;
    return {
      state: r.state,
      nonce: r.nonce,
      codeVerifier: r.code_verifier,
      returnTo: r.return_to,
      createdAt: r.created_at,
      browserHash: r.browser_hash,
    };
  }
}
