/** The embedded metadata store: Kysely over better-sqlite3 in WAL mode. */
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, type Selectable, SqliteDialect } from 'kysely';
import { MIGRATIONS } from '../migrations/index.js';
import type { MetadataStore, NewUser, NewVersion, User, VersionRecord, VersionStatus } from '../types.js';
import type { Database, UsersTable, VersionsTable } from './schema.js';

function toUser(row: Selectable<UsersTable>): User {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    county: row.county,
    scope: row.scope,
    createdAt: row.created_at,
  };
}

function toVersion(row: Selectable<VersionsTable>): VersionRecord {
  return {
    name: row.package_name,
    version: row.version,
    status: row.status,
    packageJson: JSON.parse(row.package_json) as Record<string, unknown>,
    manifest: JSON.parse(row.manifest) as Record<string, unknown>,
    integrity: row.integrity,
    shasum: row.shasum,
    blobSha256: row.blob_sha256,
    tarballSize: row.tarball_size,
    requestedTag: row.requested_tag,
    publishedBy: row.published_by,
    publishedAt: row.published_at,
    reviewedBy: row.reviewed_by,
    reviewedAt: row.reviewed_at,
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
      .values({ ...user, created_at: new Date().toISOString() })
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
        await trx
          .insertInto('blobs')
          .values({ sha256: v.blobSha256, size: v.tarballSize, created_at: now })
          .onConflict((oc) => oc.column('sha256').doNothing())
          .execute();
        await trx
          .insertInto('versions')
          .values({
            package_name: v.name,
            version: v.version,
            status: 'pending',
            package_json: JSON.stringify(v.packageJson),
            manifest: JSON.stringify(v.manifest),
            integrity: v.integrity,
            shasum: v.shasum,
            blob_sha256: v.blobSha256,
            tarball_size: v.tarballSize,
            requested_tag: v.requestedTag,
            published_by: v.publishedBy,
            published_at: now,
            reviewed_by: null,
            reviewed_at: null,
          })
          .execute();
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

  async listVersions(name: string, status: VersionStatus): Promise<VersionRecord[]> {
    const rows = await this.db
      .selectFrom('versions')
      .selectAll()
      .where('package_name', '=', name)
      .where('status', '=', status)
      .orderBy('id')
      .execute();
    return rows.map(toVersion);
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
    reviewerId: number | null,
  ): Promise<'approved' | 'already' | 'missing'> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('versions')
        .select(['status', 'requested_tag'])
        .where('package_name', '=', name)
        .where('version', '=', version)
        .executeTakeFirst();
      if (!row) return 'missing';
      if (row.status === 'approved') return 'already';
      await trx
        .updateTable('versions')
        .set({ status: 'approved', reviewed_by: reviewerId, reviewed_at: new Date().toISOString() })
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
