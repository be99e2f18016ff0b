/**
 * Packages, their versions, browser assets and dist-tags, over SQLite or PostgreSQL. A version and
 * everything naming it commit in one transaction, and the unique (name, version) key decides a race
 * between two publishes of the same version on any number of instances: exactly one wins.
 */
import type { Kysely, Transaction } from 'kysely';
import type { StorageDialect } from '../dialect/types.js';
import type {
  Approval,
  AssetRecord,
  NewVersion,
  PackageRecord,
  PackageStore,
  VersionRecord,
  VersionStatus,
} from '../types.js';
import { compiledRead } from './compiled-read.js';
import type { Database } from './schema.js';
import { newVersionRow, toAsset, toVersion } from './version-rows.js';

async function upsertTag(db: Kysely<Database>, name: string, tag: string, version: string): Promise<void> {
  await db
    .insertInto('dist_tags')
    .values({ package_name: name, tag, version })
    .onConflict((oc) => oc.columns(['package_name', 'tag']).doUpdateSet({ version }))
    .execute();
}

/** The package row (first publish), blob rows, the version row and its asset rows. */
async function insertRows(trx: Transaction<Database>, v: NewVersion, now: string): Promise<void> {
  const scope = /^(@[^/]+)\//.exec(v.name)?.[1] ?? '';
  await trx
    .insertInto('packages')
    .values({ name: v.name, scope, created_at: now })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const blobs = [
    { sha256: v.blobSha256, size: v.tarballSize },
    ...v.assets.map((a) => ({ sha256: a.blobSha256, size: a.size })),
  ];
  for (const b of blobs) {
    await trx
      .insertInto('blobs')
      .values({ ...b, created_at: now })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
  }
  const { id } = await trx
    .insertInto('versions')
    .values(newVersionRow(v, now))
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const a of v.assets) {
    await trx
      .insertInto('assets')
      .values({
        version_id: id,
        path: a.path,
        blob_sha256: a.blobSha256,
        size: a.size,
        integrity: a.integrity,
        content_type: a.contentType,
      })
      .execute();
  }
  if (v.autoApprove) await upsertTag(trx, v.name, v.requestedTag, v.version);
}

export class SqlPackageStore implements PackageStore {
  /** The package row every packument read checks the revision of, compiled once (compiled-read.ts). */
  private readonly packageRow;
  /** An approved version's asset, read on every asset request. */
  private readonly assetRow;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: StorageDialect,
  ) {
    const untyped = db as unknown as Kysely<never>;
    this.packageRow = compiledRead(untyped, ['name'], (p) =>
      db.selectFrom('packages').selectAll().where('name', '=', p.name),
    );
    this.assetRow = compiledRead(untyped, ['sha', 'path'], (p) =>
      db
        .selectFrom('assets')
        .innerJoin('versions', 'versions.id', 'assets.version_id')
        .selectAll('assets')
        .where('versions.blob_sha256', '=', p.sha)
        .where('versions.status', '=', 'approved')
        .where('assets.path', '=', p.path),
    );
  }

  async insertVersion(v: NewVersion): Promise<boolean> {
    const now = new Date().toISOString();
    try {
      await this.db.transaction().execute((trx) => insertRows(trx, v, now));
      return true;
    } catch (err) {
      if (this.dialect.isUniqueViolation(err)) return false;
      throw err;
    }
  }

  async getVersion(name: string, version: string): Promise<VersionRecord | null> {
    const row = await this.db
      .selectFrom('versions')
      .selectAll()
      .where('package_name', '=', name)
      .where('version', '=', version)
      .executeTakeFirst();
    return row ? toVersion(row) : null;
  }

  async listVersions(name: string, status?: VersionStatus): Promise<VersionRecord[]> {
    let query = this.db.selectFrom('versions').selectAll().where('package_name', '=', name);
    if (status) query = query.where('status', '=', status);
    return (await query.orderBy('id').execute()).map(toVersion);
  }

  async countVersions(name: string): Promise<number> {
    const row = await this.db
      .selectFrom('versions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('package_name', '=', name)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async listPending(): Promise<VersionRecord[]> {
    const rows = await this.db
      .selectFrom('versions')
      .selectAll()
      .where('status', '=', 'pending')
      .orderBy('id')
      .execute();
    return rows.map(toVersion);
  }

  async getPackage(name: string): Promise<PackageRecord | null> {
    const row = await this.packageRow({ name });
    if (!row) return null;
    return {
      name: row.name,
      scope: row.scope,
      standard: row.standard === 1,
      revision: row.revision,
      createdAt: row.created_at,
    };
  }

  async setStandard(name: string, standard: boolean): Promise<void> {
    await this.db
      .updateTable('packages')
      .set({ standard: standard ? 1 : 0 })
      .where('name', '=', name)
      .execute();
  }

  async getAsset(tarballSha256: string, path: string): Promise<AssetRecord | null> {
    const row = await this.assetRow({ sha: tarballSha256, path });
    return row ? toAsset(row) : null;
  }

  async listAssets(versionId: number): Promise<AssetRecord[]> {
    const rows = await this.db
      .selectFrom('assets')
      .selectAll()
      .where('version_id', '=', versionId)
      .orderBy('path')
      .execute();
    return rows.map(toAsset);
  }

  async approveVersion(
    name: string,
    version: string,
    approval: Approval,
  ): Promise<'approved' | 'not-pending'> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('versions')
        .select(['status', 'requested_tag'])
        .where('package_name', '=', name)
        .where('version', '=', version)
        .executeTakeFirst();
      if (row?.status !== 'pending') return 'not-pending';
      // Still pending when written: of two reviewers approving at once on two instances, one wins.
      const updated = await trx
        .updateTable('versions')
        .set({
          status: 'approved',
          reviewed_by: approval.reviewerId,
          reviewed_at: new Date().toISOString(),
          granted_capabilities: JSON.stringify(approval.grantedCapabilities),
          signature: approval.signature,
        })
        .where('package_name', '=', name)
        .where('version', '=', version)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) return 'not-pending';
      await upsertTag(trx, name, row.requested_tag, version);
      return 'approved';
    });
  }

  async rejectVersion(
    name: string,
    version: string,
    reviewerId: number | null,
    reason: string,
  ): Promise<'rejected' | 'not-pending'> {
    const result = await this.db
      .updateTable('versions')
      .set({
        status: 'rejected',
        reviewed_by: reviewerId,
        reviewed_at: new Date().toISOString(),
        review_reason: reason,
      })
      .where('package_name', '=', name)
      .where('version', '=', version)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1 ? 'rejected' : 'not-pending';
  }

  async setDeprecated(name: string, version: string, message: string | null): Promise<void> {
    await this.db
      .updateTable('versions')
      .set({ deprecated: message })
      .where('package_name', '=', name)
      .where('version', '=', version)
      .execute();
  }

  async yankVersion(name: string, version: string, reason: string): Promise<void> {
    await this.db
      .updateTable('versions')
      .set({ yanked_at: new Date().toISOString(), yank_reason: reason })
      .where('package_name', '=', name)
      .where('version', '=', version)
      .execute();
  }

  async markUnpublished(name: string, version: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('versions')
        .set({ status: 'unpublished', unpublished_at: new Date().toISOString() })
        .where('package_name', '=', name)
        .where('version', '=', version)
        .execute();
      await trx
        .deleteFrom('dist_tags')
        .where('package_name', '=', name)
        .where('version', '=', version)
        .execute();
    });
  }

  async getDistTags(name: string): Promise<Record<string, string>> {
    const rows = await this.db
      .selectFrom('dist_tags')
      .select(['tag', 'version'])
      .where('package_name', '=', name)
      .execute();
    return Object.fromEntries(rows.map((r) => [r.tag, r.version]));
  }

  async setDistTag(name: string, tag: string, version: string): Promise<void> {
    await upsertTag(this.db, name, tag, version);
  }

  async removeDistTag(name: string, tag: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('dist_tags')
      .where('package_name', '=', name)
      .where('tag', '=', tag)
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }
}
