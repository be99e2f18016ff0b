/**
 * Users, their token hashes and pending web logins, over SQLite or PostgreSQL. Web logins are rows, so
 * the instance that hands out the token need not be the one that started the login.
 */
import type { Kysely, Selectable } from 'kysely';
import type { AccountStore, NewUser, NewWebLogin, PendingWebLogin, User, WebLoginState } from '../types.js';
import type { Database, UsersTable } from './schema.js';

/** Sessions older than this are abandoned `npm login` attempts. */
const WEB_LOGIN_TTL_MS = 15 * 60_000;

function webLoginCutoff(): string {
  return new Date(Date.now() - WEB_LOGIN_TTL_MS).toISOString();
}

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

  async createWebLogin(login: NewWebLogin): Promise<void> {
    await this.db.deleteFrom('web_logins').where('created_at', '<', webLoginCutoff()).execute();
    await this.db
      .insertInto('web_logins')
      .values({
        id: login.id,
        done_hash: login.doneHash,
        code: login.code,
        client_host: login.client.host,
        client_ip: login.client.ip,
        client_agent: login.client.agent,
        created_at: new Date().toISOString(),
        token: null,
      })
      .execute();
  }

  async findWebLogin(id: string): Promise<PendingWebLogin | null> {
    const row = await this.db
      .selectFrom('web_logins')
      .select(['code', 'client_host', 'client_ip', 'client_agent'])
      .where('id', '=', id)
      .where('token', 'is', null)
      .where('created_at', '>=', webLoginCutoff())
      .executeTakeFirst();
    if (!row) return null;
    return { code: row.code, client: { host: row.client_host, ip: row.client_ip, agent: row.client_agent } };
  }

  async completeWebLogin(id: string, token: string): Promise<boolean> {
    const result = await this.db
      .updateTable('web_logins')
      .set({ token })
      .where('id', '=', id)
      .where('token', 'is', null)
      .where('created_at', '>=', webLoginCutoff())
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async takeWebLogin(doneHash: string): Promise<WebLoginState> {
    // Delete-and-return in one statement: of two instances polling at once, one gets the token.
    const taken = await this.db
      .deleteFrom('web_logins')
      .where('done_hash', '=', doneHash)
      .where('token', 'is not', null)
      .returning('token')
      .executeTakeFirst();
    if (taken?.token) return { state: 'done', token: taken.token };
    const row = await this.db
      .selectFrom('web_logins')
      .select('id')
      .where('done_hash', '=', doneHash)
      .where('created_at', '>=', webLoginCutoff())
      .executeTakeFirst();
    return row ? { state: 'pending' } : { state: 'missing' };
  }
}
