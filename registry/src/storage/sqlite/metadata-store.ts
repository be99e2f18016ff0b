/** The embedded metadata store: Kysely over better-sqlite3 in WAL mode. */
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, type Selectable, SqliteDialect } from 'kysely';
import { MIGRATIONS } from '../migrations/index.js';
import type {
  Approval,
  AssetRecord,
  MetadataStore,
  NewUser,
  NewVersion,
  PackageRecord,
  User,
  VersionRecord,
  VersionStatus,
} from '../types.js';
import type { AssetsTable, Database, UsersTable, VersionsTable } from './schema.js';

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

function toAsset(row: Selectable<AssetsTable>): AssetRecord {
  return {
    path: row.path,
    blobSha256: row.blob_sha256,
    size: row.size,
    integrity: row.integrity,
    contentType: row.content_type,
  };
}

function toVersion(row: Selectable<VersionsTable>): VersionRecord {
  return {
    id: row.id,
    name: row.package_name,
    version: row.version,
    kind: row.kind,
    status: row.status,
    packageJson: JSON.parse(row.package_json) as Record<string, unknown>,
    manifest: row.manifest === null ? null : (JSON.parse(row.manifest) as Record<string, unknown>),
    integrity: row.integrity,
    shasum: row.shasum,
    blobSha256: row.blob_sha256,
    tarballSize: row.tarball_size,
    unpackedSize: row.unpacked_size,
    files: JSON.parse(row.files),
    checks: JSON.parse(row.checks),
    requestedTag: row.requested_tag,
    publishedBy: row.published_by,
    publishedAt: row.published_at,
    reviewedBy: row.reviewed_by,
    reviewedAt: row.reviewed_at,
    reviewReason: row.review_reason,
    grantedCapabilities:
      row.granted_capabilities === null ? null : (JSON.parse(row.granted_capabilities) as string[]),
    signature: row.signature,
    deprecated: row.deprecated,
    yankedAt: row.yanked_at,
    yankReason: row.yank_reason,
    unpublishedAt: row.unpublished_at,
  };
}

function isUniqueViolation(err: unknown): boolean {
  return (
    typeof err === 'object' &&
    err !== null &&
    'code' in err &&
    ((err as { code: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE' ||
      (err as { code: unknown }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
  );
}

export class SqliteMetadataStore implements MetadataStore {
  readonly db: Kysely<Database>;

  constructor(file: string) {
    const database = new BetterSqlite3(file);
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = FULL');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
    this.db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  }

  async migrate(): Promise<void> {
    const migrator = new Migrator({
      db: this.db,
      provider: { getMigrations: async () => MIGRATIONS },
    });
    const { error } = await migrator.migrateToLatest();
    if (error) throw error;
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

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

  async insertVersion(v: NewVersion): Promise<boolean> {
    const now = new Date().toISOString();
    const scope = /^(@[^/]+)\//.exec(v.name)?.[1] ?? '';
    try {
      await this.db.transaction().execute(async (trx) => {
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
          .values({
            package_name: v.name,
            version: v.version,
            kind: v.kind,
            status: v.autoApprove ? 'approved' : 'pending',
            package_json: JSON.stringify(v.packageJson),
            manifest: v.manifest === null ? null : JSON.stringify(v.manifest),
            integrity: v.integrity,
            shasum: v.shasum,
            blob_sha256: v.blobSha256,
            tarball_size: v.tarballSize,
            unpacked_size: v.unpackedSize,
            files: JSON.stringify(v.files),
            checks: JSON.stringify(v.checks),
            requested_tag: v.requestedTag,
            published_by: v.publishedBy,
            published_at: now,
            reviewed_by: v.autoApprove ? v.publishedBy : null,
            reviewed_at: v.autoApprove ? now : null,
            review_reason: v.autoApprove ? 'library published by the province' : null,
            granted_capabilities: null,
            signature: null,
            deprecated: null,
            yanked_at: null,
            yank_reason: null,
            unpublished_at: null,
          })
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
        if (v.autoApprove) {
          await trx
            .insertInto('dist_tags')
            .values({ package_name: v.name, tag: v.requestedTag, version: v.version })
            .onConflict((oc) => oc.columns(['package_name', 'tag']).doUpdateSet({ version: v.version }))
            .execute();
        }
      });
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) return false;
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
    const rows = await query.orderBy('id').execute();
    return rows.map(toVersion);
  }

  async getPackage(name: string): Promise<PackageRecord | null> {
    const row = await this.db.selectFrom('packages').selectAll().where('name', '=', name).executeTakeFirst();
    return row
      ? {
          name: row.name,
          scope: row.scope,
          standard: row.standard === 1,
          revision: row.revision,
          createdAt: row.created_at,
        }
      : null;
  }

  async setStandard(name: string, standard: boolean): Promise<void> {
    await this.db
      .updateTable('packages')
      .set({ standard: standard ? 1 : 0 })
      .where('name', '=', name)
      .execute();
  }

  async getAsset(tarballSha256: string, path: string): Promise<AssetRecord | null> {
    const row = await this.db
      .selectFrom('assets')
      .innerJoin('versions', 'versions.id', 'assets.version_id')
      .selectAll('assets')
      .where('versions.blob_sha256', '=', tarballSha256)
      .where('versions.status', '=', 'approved')
      .where('assets.path', '=', path)
      .executeTakeFirst();
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

  async setPasswordHash(userId: number, hash: string): Promise<void> {
    await this.db.updateTable('users').set({ password_hash: hash }).where('id', '=', userId).execute();
  }

  async createWebLogin(id: string): Promise<void> {
    // Sessions older than 15 minutes are abandoned; drop them as new ones start.
    const cutoff = new Date(Date.now() - 15 * 60_000).toISOString();
    await this.db.deleteFrom('web_logins').where('created_at', '<', cutoff).execute();
    await this.db
      .insertInto('web_logins')
      .values({ id, created_at: new Date().toISOString(), token: null })
      .execute();
  }

  async completeWebLogin(id: string, token: string): Promise<boolean> {
    const result = await this.db
      .updateTable('web_logins')
      .set({ token })
      .where('id', '=', id)
      .where('token', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async takeWebLogin(
    id: string,
  ): Promise<{ state: 'pending' } | { state: 'done'; token: string } | { state: 'missing' }> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('web_logins').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return { state: 'missing' as const };
      if (row.token === null) return { state: 'pending' as const };
      await trx.deleteFrom('web_logins').where('id', '=', id).execute();
      return { state: 'done' as const, token: row.token };
    });
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

  async countVersions(name: string): Promise<number> {
    const row = await this.db
      .selectFrom('versions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('package_name', '=', name)
      .executeTakeFirstOrThrow();
    return Number(row.n);
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
      await trx
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
        .execute();
      await trx
        .insertInto('dist_tags')
        .values({ package_name: name, tag: row.requested_tag, version })
        .onConflict((oc) => oc.columns(['package_name', 'tag']).doUpdateSet({ version }))
        .execute();
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
    await this.db
      .insertInto('dist_tags')
      .values({ package_name: name, tag, version })
      .onConflict((oc) => oc.columns(['package_name', 'tag']).doUpdateSet({ version }))
      .execute();
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
