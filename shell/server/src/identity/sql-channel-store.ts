/**
 * The residents' sign-in channels in the identity tables: one-time SMS codes (hashes only), WeChat
 * authorisation attempts and the WeChat tokens every instance shares. Each step that must hold across
 * instances is one statement: an attempt is counted by `UPDATE … WHERE attempts < max RETURNING`, a code
 * is used by `UPDATE … WHERE used_at IS NULL`, a state is taken by `DELETE … RETURNING`, a token refresh
 * is claimed by one upsert (the lease idea of storage/sql/leases.ts) — the same on SQLite and PostgreSQL.
 */
import { type Kysely, sql } from 'kysely';
import type { IdentityDatabase } from './sql-tables.js';
import type { NewPhoneCode, PhoneCodeAttempt, WechatAttempt, WechatToken } from './store.js';

/** Codes this long past their expiry are deleted when another code is stored. */
const KEEP_SPENT_MS = 24 * 3600_000;

export abstract class SqlChannelStore {
  protected readonly db: Kysely<IdentityDatabase>;

  constructor(db: Kysely<unknown>) {
    this.db = db as unknown as Kysely<IdentityDatabase>;
  }

  async savePhoneCode(code: NewPhoneCode): Promise<void> {
    const cutoff = new Date(Date.parse(code.createdAt) - KEEP_SPENT_MS).toISOString();
    await this.db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom('identity_phone_codes')
        .where((eb) => eb.or([eb('phone_hash', '=', code.phoneHash), eb('expires_at', '<', cutoff)]))
        .execute();
      await trx
        .insertInto('identity_phone_codes')
        .values({
          phone_hash: code.phoneHash,
          code_hash: code.codeHash,
          created_at: code.createdAt,
          expires_at: code.expiresAt,
          used_at: null,
        })
        .execute();
    });
  }

  async countPhoneCodeAttempt(
    phoneHash: string,
    now: string,
    maxAttempts: number,
  ): Promise<PhoneCodeAttempt> {
    const latest = await this.db
      .selectFrom('identity_phone_codes')
      .selectAll()
      .where('phone_hash', '=', phoneHash)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!latest) return { status: 'none' };
    if (latest.used_at !== null) return { status: 'used' };
    if (latest.expires_at <= now) return { status: 'expired' };
    const counted = await this.db
      .updateTable('identity_phone_codes')
      .set({ attempts: sql`attempts + 1` })
      .where('id', '=', latest.id)
      .where('used_at', 'is', null)
      .where('attempts', '<', maxAttempts)
      .returning('attempts')
      .executeTakeFirst();
    if (!counted) {
      const again = await this.db
        .selectFrom('identity_phone_codes')
        .select('used_at')
        .where('id', '=', latest.id)
        .executeTakeFirst();
      return { status: again && again.used_at !== null ? 'used' : 'exhausted' };
    }
    return {
      status: 'counted',
      code: {
        id: latest.id,
        phoneHash: latest.phone_hash,
        codeHash: latest.code_hash,
        attempts: Number(counted.attempts),
        createdAt: latest.created_at,
        expiresAt: latest.expires_at,
        usedAt: null,
      },
    };
  }

  async usePhoneCode(id: number, at: string): Promise<boolean> {
    const r = await this.db
      .updateTable('identity_phone_codes')
      .set({ used_at: at })
      .where('id', '=', id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async saveWechatAttempt(a: WechatAttempt): Promise<void> {
    await this.db
      .deleteFrom('identity_wechat_states')
      .where('expires_at', '<', new Date(Date.now() - 3600_000).toISOString())
      .execute();
    await this.db
      .insertInto('identity_wechat_states')
      .values({
        state_hash: a.stateHash,
        browser_hash: a.browserHash,
        scope: a.scope,
        village: a.village,
        return_to: a.returnTo,
        created_at: a.createdAt,
        expires_at: a.expiresAt,
      })
      .execute();
  }

  async takeWechatAttempt(stateHash: string): Promise<WechatAttempt | null> {
    const r = await this.db
      .deleteFrom('identity_wechat_states')
      .where('state_hash', '=', stateHash)
      .returningAll()
      .executeTakeFirst();
    if (!r) return null;
    return {
      stateHash: r.state_hash,
      browserHash: r.browser_hash,
      scope: r.scope,
      village: r.village,
      returnTo: r.return_to,
      createdAt: r.created_at,
      expiresAt: r.expires_at,
    };
  }

  async readWechatToken(name: string): Promise<WechatToken | null> {
    const r = await this.db
      .selectFrom('identity_wechat_tokens')
      .select(['value', 'expires_at'])
      .where('name', '=', name)
      .executeTakeFirst();
    return r && r.value !== '' ? { value: r.value, expiresAt: r.expires_at } : null;
  }

  async claimWechatRefresh(
    name: string,
    holder: string,
    now: string,
    until: string,
    retired?: string,
  ): Promise<boolean> {
    const row = await this.db
      .insertInto('identity_wechat_tokens')
      .values({ name, value: '', expires_at: '', holder, claim_until: until })
      .onConflict((oc) =>
        oc
          .column('name')
          .doUpdateSet({ holder, claim_until: until })
          .where((eb) =>
            eb.and([
              eb.or([
                eb('identity_wechat_tokens.claim_until', '<=', now),
                eb('identity_wechat_tokens.holder', '=', holder),
              ]),
              // A value another instance stored meanwhile is used, not fetched again.
              eb.or([
                eb('identity_wechat_tokens.expires_at', '<=', now),
                eb('identity_wechat_tokens.value', '=', retired ?? ''),
              ]),
            ]),
          ),
      )
      .returning('holder')
      .executeTakeFirst();
    return row?.holder === holder;
  }

  async saveWechatToken(name: string, holder: string, token: WechatToken): Promise<void> {
    // Only while the claim is still this holder's: a newer fetch by whoever took over is kept.
    await this.db
      .updateTable('identity_wechat_tokens')
      .set({ value: token.value, expires_at: token.expiresAt, claim_until: '' })
      .where('name', '=', name)
      .where('holder', '=', holder)
      .execute();
  }

  async releaseWechatRefresh(name: string, holder: string): Promise<void> {
    await this.db
      .updateTable('identity_wechat_tokens')
      .set({ claim_until: '' })
      .where('name', '=', name)
      .where('holder', '=', holder)
      .execute();
  }
}
