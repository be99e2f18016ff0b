/** What a database file holds, read without changing it: counts, migrations, blobs, the audit state. */

import { SqliteAuditLog } from '@cunmen/audit-log';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../../storage/sql/schema.js';
import type { AuditVerification } from '../../storage/types.js';

/** Counts, applied migrations, blob digests and the audit state of a database file. */
export async function inspectDatabase(file: string) {
  const database = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  try {
    const tables = new Set(
      (
        database.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]
      ).map((r) => r.name),
    );
    const count = (table: string): number =>
      tables.has(table)
        ? Number((database.prepare(`select count(*) as n from "${table}"`).get() as { n: number }).n)
        : 0;
    const migrations = tables.has('kysely_migration')
      ? (database.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map(
          (r) => r.name,
        )
      : [];
    const referencedBlobs = tables.has('blobs')
      ? (database.prepare('select sha256 from blobs').all() as { sha256: string }[]).map((r) => r.sha256)
      : [];
    const audit: AuditVerification = tables.has('audit_log')
      ? await new SqliteAuditLog(db).verify()
      : { ok: true, count: 0, head: '0'.repeat(64) };
    return {
      counts: {
        users: count('users'),
        packages: count('packages'),
        versions: count('versions'),
        auditEntries: count('audit_log'),
      },
      migrations,
      referencedBlobs,
      audit,
    };
  } finally {
    await db.destroy();
  }
}
