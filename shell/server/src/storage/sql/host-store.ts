/**
 * The host API's storage in SQLite: widget documents (quota checked in the same transaction as the
 * write), form submissions, points requests, media bytes, and the credential key.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { dialectOf } from '../dialect/index.js';
import type {
  FormSubmission,
  HostDoc,
  HostDocScope,
  HostDocWrite,
  HostQuota,
  HostStorage,
  HostWriteResult,
  MediaRecord,
  PointsRequestRecord,
} from '../types.js';
import type { Database, HostDocsTable } from './schema.js';

type Db = Kysely<Database>;

function toDoc(row: Selectable<HostDocsTable>): HostDoc {
  return {
    id: row.id,
    data: row.data,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdBy: row.created_by,
    updatedBy: row.updated_by,
  };
}

function scoped(db: Db, scope: HostDocScope) {
  return db
    .selectFrom('host_docs')
    .where('village', '=', scope.village)
    .where('widget', '=', scope.widget)
    .where('collection', '=', scope.collection);
}

async function usageIn(db: Db, village: string, widget: string) {
  const row = await db
    .selectFrom('host_docs')
    .select((eb) => [eb.fn.countAll<number>().as('docs'), eb.fn.sum<number>('size').as('bytes')])
    .where('village', '=', village)
    .where('widget', '=', widget)
    .executeTakeFirst();
  return { docs: Number(row?.docs ?? 0), bytes: Number(row?.bytes ?? 0) };
}

/** A new document at version 1, written by `write.by`. */
async function insertDoc(db: Db, scope: HostDocScope, id: string, write: HostDocWrite, size: number) {
  const row = await db
    .insertInto('host_docs')
    .values({
      ...scope,
      id,
      data: write.data,
      size,
      version: 1,
      created_at: write.at,
      updated_at: write.at,
      created_by: write.by,
      updated_by: write.by,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toDoc(row);
}

async function fits(db: Db, scope: HostDocScope, quota: HostQuota, addDocs: number, addBytes: number) {
  const used = await usageIn(db, scope.village, scope.widget);
  return used.docs + addDocs <= quota.maxDocs && used.bytes + addBytes <= quota.maxBytes;
}

export class SqlHostStorage implements HostStorage {
  constructor(private readonly db: Db) {}

  /**
   * One widget's documents in one village are written one transaction at a time: the version check,
   * the owner check and the quota (a sum over the widget's documents) then hold on PostgreSQL too,
   * where two READ COMMITTED transactions would otherwise both pass them.
   */
  private locked<T>(scope: HostDocScope, work: (trx: Db) => Promise<T>): Promise<T> {
    return dialectOf(this.db).lockedTransaction(this.db, `host-docs:${scope.village}:${scope.widget}`, work);
  }

  async credentialKey(): Promise<Buffer> {
    await this.db
      .insertInto('host_keys')
      .values({
        name: 'widget-credential',
        secret: randomBytes(32).toString('base64'),
        created_at: new Date().toISOString(),
      })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    const row = await this.db
      .selectFrom('host_keys')
      .select('secret')
      .where('name', '=', 'widget-credential')
      .executeTakeFirstOrThrow();
    return Buffer.from(row.secret, 'base64');
  }

  async useTicket(id: string, expiresAt: number, now: number): Promise<boolean> {
    await this.db.deleteFrom('host_used_tickets').where('expires_at', '<=', now).execute();
    // The primary key decides between two instances exchanging the same ticket at once.
    const inserted = await this.db
      .insertInto('host_used_tickets')
      .values({ id, expires_at: expiresAt })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async getDoc(scope: HostDocScope, id: string): Promise<HostDoc | null> {
    const row = await scoped(this.db, scope).selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toDoc(row) : null;
  }

  async listDocs(scope: HostDocScope, options: { limit: number; before: number | null; createdBy?: number }) {
    let query = scoped(this.db, scope).selectAll();
    if (options.before !== null) query = query.where('seq', '<', options.before);
    if (options.createdBy !== undefined) query = query.where('created_by', '=', options.createdBy);
    const rows = await query
      .orderBy('seq', 'desc')
      .limit(options.limit + 1)
      .execute();
    const page = rows.slice(0, options.limit);
    const last = page[page.length - 1];
    return { docs: page.map(toDoc), next: rows.length > options.limit && last ? last.seq : null };
  }

  async createDoc(
    scope: HostDocScope,
    id: string,
    write: HostDocWrite,
    quota: HostQuota,
  ): Promise<HostWriteResult> {
    return this.locked(scope, async (trx) => {
      const size = Buffer.byteLength(write.data);
      if (!(await fits(trx, scope, quota, 1, size))) return { ok: false, reason: 'quota' };
      return { ok: true, doc: await insertDoc(trx, scope, id, write, size), created: true };
    });
  }

  async putDoc(
    scope: HostDocScope,
    id: string,
    write: HostDocWrite & { ifVersion?: number },
    quota: HostQuota,
    mayOverwrite: (existing: HostDoc) => boolean,
  ): Promise<HostWriteResult> {
    return this.locked(scope, async (trx): Promise<HostWriteResult> => {
      const existing = await scoped(trx, scope).selectAll().where('id', '=', id).executeTakeFirst();
      const size = Buffer.byteLength(write.data);
      if (!existing) {
        if (write.ifVersion !== undefined) return { ok: false, reason: 'conflict' };
        if (!(await fits(trx, scope, quota, 1, size))) return { ok: false, reason: 'quota' };
        return { ok: true, doc: await insertDoc(trx, scope, id, write, size), created: true };
      }
      if (write.ifVersion !== undefined && write.ifVersion !== existing.version) {
        return { ok: false, reason: 'conflict', current: existing.version };
      }
      if (!mayOverwrite(toDoc(existing))) return { ok: false, reason: 'forbidden' };
      if (!(await fits(trx, scope, quota, 0, size - existing.size))) return { ok: false, reason: 'quota' };
      const row = await trx
        .updateTable('host_docs')
        .set({
          data: write.data,
          size,
          version: existing.version + 1,
          updated_at: write.at,
          updated_by: write.by,
        })
        .where('seq', '=', existing.seq)
        .returningAll()
        .executeTakeFirstOrThrow();
      return { ok: true, doc: toDoc(row), created: false };
    });
  }

  async deleteDoc(scope: HostDocScope, id: string, mayDelete: (existing: HostDoc) => boolean) {
    return this.locked(scope, async (trx) => {
      const existing = await scoped(trx, scope).selectAll().where('id', '=', id).executeTakeFirst();
      if (!existing) return 'missing' as const;
      if (!mayDelete(toDoc(existing))) return 'forbidden' as const;
      await trx.deleteFrom('host_docs').where('seq', '=', existing.seq).execute();
      return 'deleted' as const;
    });
  }

  usage(village: string, widget: string) {
    return usageIn(this.db, village, widget);
  }

  async saveSubmission(s: FormSubmission): Promise<void> {
    await this.db
      .insertInto('host_form_submissions')
      .values({
        id: s.id,
        village: s.village,
        widget: s.widget,
        widget_version: s.widgetVersion,
        form_id: s.formId,
        data: s.data,
        user_id: s.userId,
        received_at: s.receivedAt,
      })
      .execute();
  }

  async listSubmissions(village: string, widget: string): Promise<FormSubmission[]> {
    const rows = await this.db
      .selectFrom('host_form_submissions')
      .selectAll()
      .where('village', '=', village)
      .where('widget', '=', widget)
      .orderBy('received_at')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      village: r.village,
      widget: r.widget,
      widgetVersion: r.widget_version,
      formId: r.form_id,
      data: r.data,
      userId: r.user_id,
      receivedAt: r.received_at,
    }));
  }

  async savePointsRequest(r: PointsRequestRecord): Promise<void> {
    await this.db
      .insertInto('host_points_requests')
      .values({
        id: r.id,
        village: r.village,
        widget: r.widget,
        household_id: r.householdId,
        item: r.item,
        quantity: r.quantity,
        note: r.note,
        evidence: JSON.stringify(r.evidence),
        user_id: r.userId,
        status: r.status,
        created_at: r.createdAt,
      })
      .execute();
  }

  async listPointsRequests(village: string): Promise<PointsRequestRecord[]> {
    const rows = await this.db
      .selectFrom('host_points_requests')
      .selectAll()
      .where('village', '=', village)
      .orderBy('created_at')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      village: r.village,
      widget: r.widget,
      householdId: r.household_id,
      item: r.item,
      quantity: r.quantity,
      note: r.note,
      evidence: JSON.parse(r.evidence) as string[],
      userId: r.user_id,
      status: 'pending',
      createdAt: r.created_at,
    }));
  }

  async saveMedia(record: MediaRecord, bytes: Buffer, maxBytes: number): Promise<boolean> {
    return dialectOf(this.db).lockedTransaction(
      this.db,
      `host-media:${record.village}:${record.widget}`,
      async (trx) => {
        const used = await trx
          .selectFrom('host_media')
          .select((eb) => eb.fn.sum<number>('size').as('bytes'))
          .where('village', '=', record.village)
          .where('widget', '=', record.widget)
          .executeTakeFirst();
        if (Number(used?.bytes ?? 0) + record.size > maxBytes) return false;
        await trx
          .insertInto('host_media')
          .values({
            id: record.id,
            village: record.village,
            widget: record.widget,
            filename: record.filename,
            content_type: record.contentType,
            size: record.size,
            sha256: record.sha256,
            bytes,
            user_id: record.userId,
            created_at: record.createdAt,
            collection: record.collection,
          })
          .execute();
        return true;
      },
    );
  }

  async getMedia(id: string) {
    const r = await this.db.selectFrom('host_media').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) return null;
    return {
      id: r.id,
      village: r.village,
      widget: r.widget,
      filename: r.filename,
      contentType: r.content_type,
      size: r.size,
      sha256: r.sha256,
      userId: r.user_id,
      createdAt: r.created_at,
      collection: r.collection,
      bytes: Buffer.from(r.bytes),
    };
  }

  async existingMedia(village: string, widget: string, ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('host_media')
      .select('id')
      .where('village', '=', village)
      .where('widget', '=', widget)
      .where('id', 'in', [...ids])
      .execute();
    return rows.map((r) => r.id);
  }
}
