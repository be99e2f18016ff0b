/**
 * Versioned village portals in SQLite: every save appends a row (unique village+version), rollback
 * moves the current pointer, and both are recorded as events. Nothing is ever deleted.
 */
import type { VillageConfig } from '@cunmen/manifest';
import type { Kysely, Selectable } from 'kysely';
import { dialectOf } from '../dialect/index.js';
import {
  type NewPortal,
  type PortalEvent,
  type PortalStore,
  type PortalVersion,
  type PortalWarning,
  StalePortalError,
  type StoredSnapshot,
} from '../types.js';
import type { Database, PortalSnapshotsTable, PortalVersionsTable } from './schema.js';

function toVersion(row: Selectable<PortalVersionsTable>): PortalVersion {
  return {
    village: row.village,
    version: row.version,
    config: JSON.parse(row.config) as VillageConfig,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

function toSnapshot(row: Selectable<PortalSnapshotsTable>): StoredSnapshot {
  return {
    json: row.snapshot,
    etag: row.etag,
    warnings: JSON.parse(row.warnings) as PortalWarning[],
    resolvedAt: row.resolved_at,
  };
}

export class SqlPortalStore implements PortalStore {
  constructor(private readonly db: Kysely<Database>) {}

  async savePortal(portal: NewPortal): Promise<PortalVersion> {
    return dialectOf(this.db).lockedTransaction(this.db, portalLock(portal.village), async (trx) => {
      const previous = await trx
        .selectFrom('portals')
        .select('current_version')
        .where('village', '=', portal.village)
        .executeTakeFirst();
      const current = previous?.current_version ?? null;
      if (portal.expectCurrent !== undefined && portal.expectCurrent !== current) {
        throw new StalePortalError(current);
      }
      const last = await trx
        .selectFrom('portal_versions')
        .select((eb) => eb.fn.max('version').as('max'))
        .where('village', '=', portal.village)
        .executeTakeFirst();
      const version = Number(last?.max ?? 0) + 1;
      const { config, snapshot } = portal.build(version);
      const now = new Date().toISOString();
      await trx
        .insertInto('portal_versions')
        .values({
          village: portal.village,
          version,
          config: JSON.stringify(config),
          created_at: now,
          created_by: portal.actor,
        })
        .execute();
      await trx
        .insertInto('portal_snapshots')
        .values(snapshotRow(portal.village, version, snapshot))
        .execute();
      await trx
        .insertInto('portals')
        .values({ village: portal.village, current_version: version, updated_at: now })
        .onConflict((oc) => oc.column('village').doUpdateSet({ current_version: version, updated_at: now }))
        .execute();
      await trx
        .insertInto('portal_events')
        .values({
          village: portal.village,
          action: 'save',
          version,
          previous_version: current,
          actor: portal.actor,
          at: now,
        })
        .execute();
      return { village: portal.village, version, config, createdAt: now, createdBy: portal.actor };
    });
  }

  async setCurrent(
    village: string,
    version: number,
    actor: string,
    snapshot?: StoredSnapshot,
  ): Promise<boolean> {
    return dialectOf(this.db).lockedTransaction(this.db, portalLock(village), async (trx) => {
      const exists = await trx
        .selectFrom('portal_versions')
        .select('version')
        .where('village', '=', village)
        .where('version', '=', version)
        .executeTakeFirst();
      if (!exists) return false;
      const previous = await trx
        .selectFrom('portals')
        .select('current_version')
        .where('village', '=', village)
        .executeTakeFirst();
      const now = new Date().toISOString();
      if (snapshot) {
        const row = snapshotRow(village, version, snapshot);
        await trx
          .insertInto('portal_snapshots')
          .values(row)
          .onConflict((oc) =>
            oc.columns(['village', 'version']).doUpdateSet({
              snapshot: row.snapshot,
              etag: row.etag,
              warnings: row.warnings,
              resolved_at: row.resolved_at,
            }),
          )
          .execute();
      }
      await trx
        .insertInto('portals')
        .values({ village, current_version: version, updated_at: now })
        .onConflict((oc) => oc.column('village').doUpdateSet({ current_version: version, updated_at: now }))
        .execute();
      await trx
        .insertInto('portal_events')
        .values({
          village,
          action: 'rollback',
          version,
          previous_version: previous?.current_version ?? null,
          actor,
          at: now,
        })
        .execute();
      return true;
    });
  }

  async currentVersion(village: string): Promise<number | null> {
    const row = await this.db
      .selectFrom('portals')
      .select('current_version')
      .where('village', '=', village)
      .executeTakeFirst();
    return row?.current_version ?? null;
  }

  async currentRef(village: string): Promise<{ version: number; etag: string } | null> {
    const row = await this.db
      .selectFrom('portals as p')
      .innerJoin('portal_snapshots as s', (join) =>
        join.onRef('s.village', '=', 'p.village').onRef('s.version', '=', 'p.current_version'),
      )
      .select(['p.current_version as version', 's.etag as etag'])
      .where('p.village', '=', village)
      .executeTakeFirst();
    return row ?? null;
  }

  async getVersion(village: string, version: number): Promise<PortalVersion | null> {
    const row = await this.db
      .selectFrom('portal_versions')
      .selectAll()
      .where('village', '=', village)
      .where('version', '=', version)
      .executeTakeFirst();
    return row ? toVersion(row) : null;
  }

  async listVersions(village: string): Promise<PortalVersion[]> {
    const rows = await this.db
      .selectFrom('portal_versions')
      .selectAll()
      .where('village', '=', village)
      .orderBy('version', 'desc')
      .execute();
    return rows.map(toVersion);
  }

  async listEvents(village: string): Promise<PortalEvent[]> {
    const rows = await this.db
      .selectFrom('portal_events')
      .selectAll()
      .where('village', '=', village)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      village: r.village,
      action: r.action,
      version: r.version,
      previousVersion: r.previous_version,
      actor: r.actor,
      at: r.at,
    }));
  }

  async getSnapshot(village: string, version: number): Promise<StoredSnapshot | null> {
    const row = await this.db
      .selectFrom('portal_snapshots')
      .selectAll()
      .where('village', '=', village)
      .where('version', '=', version)
      .executeTakeFirst();
    return row ? toSnapshot(row) : null;
  }

  async putSnapshot(village: string, version: number, snapshot: StoredSnapshot): Promise<void> {
    const row = snapshotRow(village, version, snapshot);
    await this.db
      .updateTable('portal_snapshots')
      .set({ snapshot: row.snapshot, etag: row.etag, warnings: row.warnings, resolved_at: row.resolved_at })
      .where('village', '=', village)
      .where('version', '=', version)
      .execute();
  }
}

/** The lock every write of one village's portal takes: a save and a rollback see each other's result. */
const portalLock = (village: string) => `portal:${village}`;

function snapshotRow(village: string, version: number, s: StoredSnapshot): Selectable<PortalSnapshotsTable> {
  return {
    village,
    version,
    snapshot: s.json,
    etag: s.etag,
    warnings: JSON.stringify(s.warnings),
    resolved_at: s.resolvedAt,
  };
}
