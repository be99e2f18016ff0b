/**
 * Join requests in the shell's database (SQLite or PostgreSQL, one code path), with their own migration
 * table. "One open request per account" is a unique column that holds the account id while the request
 * is pending and null once decided; a decision is a conditional update (`status = 'pending'`) inside a
 * locked transaction, so of two cadres deciding at once exactly one changes anything.
 */
import { type Kysely, type Migration, Migrator } from 'kysely';
import { dialectOf, isUniqueViolation } from '../storage/dialect/index.js';
import type {
  JoinDecision,
  JoinRequest,
  JoinRequestStore,
  JoinStatus,
  NewJoinRequest,
} from './join-requests.js';
import type { HouseholdDatabase } from './sql-store.js';

interface JoinRequestsTable {
  id: number;
  village: string;
  account_id: number;
  household_id: number;
  name: string;
  relation: string;
  note: string | null;
  status: string;
  /** The account id while pending, else null (unique: one open request per account). */
  pending_account_id: number | null;
  reason: string | null;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
}

interface JoinDatabase extends HouseholdDatabase {
  household_join_requests: JoinRequestsTable;
  identity_users: { id: number; phone: string | null; household: string | null };
}

const MIGRATIONS: Record<string, Migration> = {
  '0001-household-join-requests': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('household_join_requests')
        .addColumn('id', 'integer', (c) => dialectOf(db).autoId(c))
        .addColumn('village', 'text', (c) => c.notNull())
        .addColumn('account_id', 'integer', (c) => c.notNull().references('identity_users.id'))
        .addColumn('household_id', 'integer', (c) => c.notNull().references('households.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('relation', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('pending_account_id', 'integer', (c) => c.unique())
        .addColumn('reason', 'text')
        .addColumn('decided_by', 'text')
        .addColumn('decided_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('household_join_requests_village_status')
        .on('household_join_requests')
        .columns(['village', 'status'])
        .execute();
      await db.schema
        .createIndex('household_join_requests_account')
        .on('household_join_requests')
        .column('account_id')
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('household_join_requests').execute();
    },
  },
};

const LOCK = 'cunmen-household-join';

type Db = Kysely<JoinDatabase>;

function selectJoined(db: Db) {
  return db
    .selectFrom('household_join_requests as j')
    .innerJoin('households as h', 'h.id', 'j.household_id')
    .innerJoin('identity_users as u', 'u.id', 'j.account_id')
    .selectAll('j')
    .select(['h.number as household_number', 'h.head as household_head', 'u.phone as phone']);
}

type Joined = JoinRequestsTable & { household_number: string; household_head: string; phone: string | null };

const toRequest = (r: Joined): JoinRequest => ({
  id: Number(r.id),
  village: r.village,
  accountId: Number(r.account_id),
  householdId: Number(r.household_id),
  householdNumber: r.household_number,
  householdHead: r.household_head,
  name: r.name,
  relation: r.relation,
  note: r.note,
  status: r.status as JoinStatus,
  reason: r.reason,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  createdAt: r.created_at,
  phone: r.phone,
});

async function getIn(db: Db, village: string, id: number): Promise<JoinRequest | null> {
  const row = await selectJoined(db)
    .where('j.village', '=', village)
    .where('j.id', '=', id)
    .executeTakeFirst();
  return row ? toRequest(row as Joined) : null;
}

/** Rolls the approval back when the account got a household meanwhile. */
class HasHousehold extends Error {}

export class SqlJoinRequestStore implements JoinRequestStore {
  private readonly db: Db;

  constructor(db: Kysely<unknown>) {
    this.db = db as unknown as Db;
  }

  async migrate(): Promise<void> {
    const { error } = await new Migrator({
      db: this.db,
      provider: { getMigrations: async () => MIGRATIONS },
      migrationTableName: 'household_joins_migration',
      migrationLockTableName: 'household_joins_migration_lock',
    }).migrateToLatest();
    if (error) throw error;
  }

  async create(r: NewJoinRequest): Promise<JoinRequest | 'open'> {
    try {
      const row = await this.db
        .insertInto('household_join_requests')
        .values({
          village: r.village,
          account_id: r.accountId,
          household_id: r.householdId,
          name: r.name,
          relation: r.relation,
          note: r.note,
          status: 'pending',
          pending_account_id: r.accountId,
          reason: null,
          decided_by: null,
          decided_at: null,
          created_at: new Date().toISOString(),
        } as never)
        .returning('id')
        .executeTakeFirstOrThrow();
      return (await getIn(this.db, r.village, Number(row.id))) as JoinRequest;
    } catch (err) {
      if (isUniqueViolation(err)) return 'open';
      throw err;
    }
  }

  get(village: string, id: number): Promise<JoinRequest | null> {
    return getIn(this.db, village, id);
  }

  async listPending(village: string): Promise<JoinRequest[]> {
    const rows = await selectJoined(this.db)
      .where('j.village', '=', village)
      .where('j.status', '=', 'pending')
      .orderBy('j.id')
      .execute();
    return rows.map((r) => toRequest(r as Joined));
  }

  async latestOf(accountId: number): Promise<JoinRequest | null> {
    const row = await selectJoined(this.db)
      .where('j.account_id', '=', accountId)
      .orderBy('j.id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? toRequest(row as Joined) : null;
  }

  async approve(village: string, id: number, by: string, at: string): Promise<JoinDecision> {
    try {
      return await dialectOf(this.db).lockedTransaction(this.db, LOCK, async (trx) => {
        const decided = await this.decide(trx, village, id, { status: 'approved', by, at, reason: null });
        if (decided.kind !== 'decided') return decided;
        const r = decided.request;
        const bound = await trx
          .updateTable('identity_users')
          .set({ household: r.householdNumber })
          .where('id', '=', r.accountId)
          .where('household', 'is', null)
          .executeTakeFirst();
        if (Number(bound.numUpdatedRows) !== 1) throw new HasHousehold();
        await trx
          .insertInto('residents')
          .values({
            household_id: r.householdId,
            name: r.name,
            relation: r.relation,
            phone: r.phone,
            account_id: r.accountId,
            created_at: at,
          } as never)
          .execute();
        return decided;
      });
    } catch (err) {
      if (!(err instanceof HasHousehold)) throw err;
      const request = await getIn(this.db, village, id);
      return { kind: 'has-household', request: request as JoinRequest };
    }
  }

  reject(village: string, id: number, by: string, reason: string, at: string): Promise<JoinDecision> {
    return dialectOf(this.db).lockedTransaction(this.db, LOCK, (trx) =>
      this.decide(trx, village, id, { status: 'rejected', by, at, reason }),
    );
  }

  /** Moves a pending request to `status`; the first decision wins, later ones change nothing. */
  private async decide(
    trx: Db,
    village: string,
    id: number,
    d: { status: JoinStatus; by: string; at: string; reason: string | null },
  ): Promise<JoinDecision> {
    const result = await trx
      .updateTable('household_join_requests')
      .set({
        status: d.status,
        pending_account_id: null,
        reason: d.reason,
        decided_by: d.by,
        decided_at: d.at,
      })
      .where('village', '=', village)
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    const request = await getIn(trx, village, id);
    if (!request) return { kind: 'not-found' };
    if (Number(result.numUpdatedRows) !== 1) return { kind: 'already-decided', request };
    return { kind: 'decided', request };
  }
}
