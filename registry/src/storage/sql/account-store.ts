/**
 * Users, their token hashes and pending web logins, over SQLite or PostgreSQL. Web logins are rows, so
 * the instance that hands out the token need not be the one that started the login.
 */
import type { Kysely, Selectable } from 'kysely';
import type { AccountStore, NewUser, User, WebLoginState } from '../types.js';
import type { Database, UsersTable } from './schema.js';

/** Sessions older than this are abandoned `npm login` attempts. */
const WEB_LOGIN_TTL_MS = 15 * 60_000;

function toUser(row: Selectable<UsersTable>): User {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    county: row.county,
    scope: row.scope,
    passwordHash: row.password_hash,
    createdAt: row.created_at,
  };
}

export class SqlAccountStore implements AccountStore {
  constructor(private readonly db: Kysely<Database>) {}

  async createUser(user: NewUser): Promise<User> {
    const row = await this.db
      .insertInto('users')
      .values({ ...user, password_hash: null, created_at: new Date().toISOString() })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toUser(row);
  }

  async findUserByName(name: string): Promise<User | null> {
    const row = await this.db.selectFrom('users').selectAll().where('name', '=', name).executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async findUserById(id: number): Promise<User | null> {
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async isScopeAssigned(scope: string): Promise<boolean> {
    const row = await this.db.selectFrom('users').select('id').where('scope', '=', scope).executeTakeFirst();
    return row !== undefined;
  }

  async setPasswordHash(userId: number, hash: string): Promise<void> {
    await this.db.updateTable('users').set({ password_hash: hash }).where('id', '=', userId).execute();
  }

  async addToken(userId: number, tokenHash: string): Promise<void> {
    await this.db
      .insertInto('tokens')
      .values({
        token_hash: tokenHash,
        user_id: userId,
        created_at: new Date().toISOString(),
        revoked_at: null,
      })
      .execute();
  }

  async findUserByTokenHash(tokenHash: string): Promise<User | null> {
    const row = await this.db
      .selectFrom('tokens')
      .innerJoin('users', 'users.id', 'tokens.user_id')
      .selectAll('users')
      .where('tokens.token_hash', '=', tokenHash)
      .where('tokens.revoked_at', 'is', null)
      .executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async revokeToken(tokenHash: string): Promise<boolean> {
    const result = await this.db
      .updateTable('tokens')
      .set({ revoked_at: new Date().toISOString() })
      .where('token_hash', '=', tokenHash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async createWebLogin(id: string): Promise<void> {
    const cutoff = new Date(Date.now() - WEB_LOGIN_TTL_MS).toISOString();
    await this.db.deleteFrom('web_logins').where('created_at', '<', cutoff).execute();
    await this.db
      .insertInto('web_logins')
      .values({ id, created_at: new Date().toISOString(), token: null })
      .execute();
  }

  async completeWebLogin(id: string, token: string): Promise<boolean> {
    const result = await this.db
      .updateTable('web_logins')
      .set({ token })
      .where('id', '=', id)
      .where('token', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async takeWebLogin(id: string): Promise<WebLoginState> {
    // Delete-and-return in one statement: of two instances polling at once, one gets the token.
    const taken = await this.db
      .deleteFrom('web_logins')
      .where('id', '=', id)
      .where('token', 'is not', null)
      .returning('token')
      .executeTakeFirst();
    if (taken?.token) return { state: 'done', token: taken.token };
    const row = await this.db.selectFrom('web_logins').select('id').where('id', '=', id).executeTakeFirst();
    return row ? { state: 'pending' } : { state: 'missing' };
  }
}
