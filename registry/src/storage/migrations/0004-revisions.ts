/**
 * A package's `revision` goes up with every change readers can see (a version row or a dist-tag), by
 * triggers, so it holds for every writer — each server instance and the operator commands alike. Readers
 * key their caches of the serialised packument on it: one indexed lookup per request, never a rebuild,
 * and never a stale packument after another instance's change.
 */
import type { Kysely } from 'kysely';
import type { StorageDialect } from '../dialect/types.js';

export const up = (db: Kysely<unknown>, dialect: StorageDialect): Promise<void> =>
  dialect.createRevisionTriggers(db);
export const down = (db: Kysely<unknown>, dialect: StorageDialect): Promise<void> =>
  dialect.dropRevisionTriggers(db);
