/**
 * The identity tables' migrations (their own bookkeeping table, `identity_migration`), the same on
 * SQLite and PostgreSQL: only column types both engines have.
 */
import { type Kysely, type Migration, sql } from 'kysely';
import { dialectOf } from '../storage/dialect/index.js';

export const IDENTITY_MIGRATIONS: Record<string, Migration> = {
  '0001-identity': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('identity_users')
        .addColumn('id', 'integer', (c) => dialectOf(db).autoId(c))
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('division', 'text', (c) => c.notNull())
        .addColumn('household', 'text')
        .addColumn('password_hash', 'text')
        .addColumn('totp_secret', 'text')
        .addColumn('totp_enabled', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('totp_last_step', 'integer')
        .addColumn('oidc_subject', 'text', (c) => c.unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('identity_sessions')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('identity_users.id'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('mfa_passed', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('identity_oidc_attempts')
        .addColumn('state', 'text', (c) => c.primaryKey())
        .addColumn('nonce', 'text', (c) => c.notNull())
        .addColumn('code_verifier', 'text', (c) => c.notNull())
        .addColumn('return_to', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const t of ['identity_oidc_attempts', 'identity_sessions', 'identity_users']) {
        await db.schema.dropTable(t).execute();
      }
    },
  },
  '0002-identity-trust': {
    // A new TOTP secret waits in `totp_pending_secret` until a code confirms it; failed codes count per
    // account towards a lockout; an OIDC attempt remembers the browser that started it.
    async up(db: Kysely<unknown>) {
      const users = () => db.schema.alterTable('identity_users');
      await users().addColumn('totp_pending_secret', 'text').execute();
      await users()
        .addColumn('totp_failures', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await users().addColumn('totp_locked_until', 'text').execute();
      // A setup begun under the old scheme (secret stored, not yet enabled) continues as pending.
      await sql`update identity_users set totp_pending_secret = totp_secret, totp_secret = null
        where totp_enabled = 0 and totp_secret is not null`.execute(db);
      await db.schema
        .alterTable('identity_oidc_attempts')
        .addColumn('browser_hash', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const c of ['totp_pending_secret', 'totp_failures', 'totp_locked_until']) {
        await db.schema.alterTable('identity_users').dropColumn(c).execute();
      }
      await db.schema.alterTable('identity_oidc_attempts').dropColumn('browser_hash').execute();
    },
  },
  '0003-identity-reach': {
    // Phone and WeChat sign-in for residents: a phone and an openid belong to at most one account
    // (unique indexes; SQLite cannot add a UNIQUE column), one-time SMS codes kept only as hashes,
    // WeChat authorisation attempts, and the WeChat access token and jsapi_ticket every instance shares.
    async up(db: Kysely<unknown>) {
      const users = () => db.schema.alterTable('identity_users');
      await users().addColumn('phone', 'text').execute();
      await users().addColumn('phone_verified_at', 'text').execute();
      await users().addColumn('wechat_openid', 'text').execute();
      await db.schema
        .createIndex('identity_users_phone')
        .on('identity_users')
        .column('phone')
        .unique()
        .execute();
      await db.schema
        .createIndex('identity_users_wechat_openid')
        .on('identity_users')
        .column('wechat_openid')
        .unique()
        .execute();
      await db.schema
        .createTable('identity_phone_codes')
        .addColumn('id', 'integer', (c) => dialectOf(db).autoId(c))
        .addColumn('phone_hash', 'text', (c) => c.notNull())
        .addColumn('code_hash', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .execute();
      await db.schema
        .createIndex('identity_phone_codes_phone')
        .on('identity_phone_codes')
        .column('phone_hash')
        .execute();
      await db.schema
        .createTable('identity_wechat_states')
        .addColumn('state_hash', 'text', (c) => c.primaryKey())
        .addColumn('browser_hash', 'text', (c) => c.notNull())
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('village', 'text', (c) => c.notNull())
        .addColumn('return_to', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('identity_wechat_tokens')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('holder', 'text', (c) => c.notNull())
        .addColumn('claim_until', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const t of ['identity_wechat_tokens', 'identity_wechat_states', 'identity_phone_codes']) {
        await db.schema.dropTable(t).execute();
      }
      await db.schema.dropIndex('identity_users_wechat_openid').execute();
      await db.schema.dropIndex('identity_users_phone').execute();
      for (const c of ['phone', 'phone_verified_at', 'wechat_openid']) {
        await db.schema.alterTable('identity_users').dropColumn(c).execute();
      }
    },
  },
};
