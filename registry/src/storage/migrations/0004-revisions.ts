/**
 * A package's `revision` goes up with every change readers can see (a version row or a dist-tag), by
 * triggers, so it holds for every writer — the server and the operator commands alike. Readers key
 * their caches of the serialised packument on it: one indexed lookup per request, never a rebuild.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, events] of [
    ['versions', ['insert', 'update', 'delete']],
    ['dist_tags', ['insert', 'update', 'delete']],
  ] as const) {
    for (const event of events) {
      const row = event === 'delete' ? 'old' : 'new';
      await sql
        .raw(
          `create trigger ${table}_${event}_revision after ${event} on ${table} begin
             update packages set revision = revision + 1 where name = ${row}.package_name; end`,
        )
        .execute(db);
    }
  }
  await sql
    .raw(
      `create trigger packages_standard_revision after update of standard on packages begin
         update packages set revision = revision + 1 where name = new.name; end`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['versions', 'dist_tags']) {
    for (const e of ['insert', 'update', 'delete'])
      await sql.raw(`drop trigger ${t}_${e}_revision`).execute(db);
  }
  await sql.raw('drop trigger packages_standard_revision').execute(db);
}
