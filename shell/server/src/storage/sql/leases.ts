/**
 * Leases: a named job (a sweep, a drain) is run by one instance at a time. Taking one is a single
 * upsert that only overwrites an expired lease or the holder's own, so two instances asking at once
 * get one yes between them, on SQLite and PostgreSQL alike. A holder that dies lets its lease expire.
 */
import type { Kysely } from 'kysely';
import type { Leases } from '../types.js';
import type { Database } from './schema.js';

export class SqlLeases implements Leases {
  constructor(private readonly db: Kysely<Database>) {}

  async acquire(name: string, holder: string, ms: number, now = new Date()): Promise<boolean> {
    const at = now.getTime();
    const row = await this.db
      .insertInto('shell_leases')
      .values({ name, holder, expires_at: at + ms })
      .onConflict((oc) =>
        oc
          .column('name')
          .doUpdateSet({ holder, expires_at: at + ms })
          .where((eb) =>
            eb.or([eb('shell_leases.expires_at', '<=', at), eb('shell_leases.holder', '=', holder)]),
          ),
      )
      .returning('holder')
      .executeTakeFirst();
    return row?.holder === holder;
  }

  async release(name: string, holder: string): Promise<void> {
    await this.db.deleteFrom('shell_leases').where('name', '=', name).where('holder', '=', holder).execute();
  }
}
