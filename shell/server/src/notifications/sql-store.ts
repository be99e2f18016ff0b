/**
 * The inbox on the shell's database (./store.ts): one code path for SQLite and PostgreSQL. A reader's
 * inbox is the notices addressed to their id plus the role notices of their role and division; a read
 * is a row in `shell_notice_reads`, written with "on conflict do nothing" so marking twice (or two tabs
 * at once) counts once.
 */
import type { ModuleNotice } from '@cunmen/module-api';
import type { ExpressionBuilder, Generated, Kysely } from 'kysely';
import type { InboxNotice, InboxPage, NotificationStore, Reader, StoredNotice } from './store.js';

interface NoticesTable {
  id: Generated<number>;
  module: string;
  user_id: number | null;
  role: string | null;
  division: string | null;
  title: string;
  body: string;
  link: string;
  created_at: string;
}

interface NoticeReadsTable {
  notice_id: number;
  user_id: number;
  read_at: string;
}

interface Tables {
  shell_notices: NoticesTable;
  shell_notice_reads: NoticeReadsTable;
}

/** The notices in `reader`'s inbox. */
function addressedTo(reader: Reader) {
  return (eb: ExpressionBuilder<Tables, 'shell_notices'>) =>
    eb.or([
      eb('shell_notices.user_id', '=', reader.id),
      eb.and([
        eb('shell_notices.role', '=', reader.role),
        eb('shell_notices.division', '=', reader.division),
      ]),
    ]);
}

/** The read row of the outer query's notice by `reader` (for `not exists`). */
function readBy(selectFrom: ExpressionBuilder<Tables, 'shell_notices'>['selectFrom'], reader: Reader) {
  return selectFrom('shell_notice_reads')
    .select('shell_notice_reads.notice_id')
    .whereRef('shell_notice_reads.notice_id', '=', 'shell_notices.id')
    .where('shell_notice_reads.user_id', '=', reader.id);
}

export class SqlNotificationStore implements NotificationStore {
  private readonly db: Kysely<Tables>;

  constructor(db: Kysely<unknown>) {
    this.db = db as Kysely<Tables>;
  }

  async add(notice: ModuleNotice, at: Date): Promise<StoredNotice> {
    const to = notice.to;
    const row = await this.db
      .insertInto('shell_notices')
      .values({
        module: notice.module,
        user_id: 'user' in to ? to.user : null,
        role: 'role' in to ? to.role : null,
        division: 'role' in to ? to.division : null,
        title: notice.title,
        body: notice.body,
        link: notice.link,
        created_at: at.toISOString(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return {
      id: Number(row.id),
      module: row.module,
      userId: row.user_id === null ? null : Number(row.user_id),
      role: row.role,
      division: row.division,
      title: row.title,
      body: row.body,
      link: row.link,
      createdAt: row.created_at,
    };
  }

  async list(reader: Reader, page: number, pageSize: number): Promise<InboxPage> {
    const rows = await this.db
      .selectFrom('shell_notices')
      .leftJoin('shell_notice_reads', (join) =>
        join
          .onRef('shell_notice_reads.notice_id', '=', 'shell_notices.id')
          .on('shell_notice_reads.user_id', '=', reader.id),
      )
      .select([
        'shell_notices.id',
        'shell_notices.module',
        'shell_notices.title',
        'shell_notices.body',
        'shell_notices.link',
        'shell_notices.created_at',
        'shell_notice_reads.read_at',
      ])
      .where(addressedTo(reader))
      .orderBy('shell_notices.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    const total = await this.db
      .selectFrom('shell_notices')
      .select((eb) => eb.fn.countAll().as('n'))
      .where(addressedTo(reader))
      .executeTakeFirstOrThrow();
    const items: InboxNotice[] = rows.map((r) => ({
      id: Number(r.id),
      module: r.module,
      title: r.title,
      body: r.body,
      link: r.link,
      createdAt: r.created_at,
      readAt: r.read_at ?? null,
    }));
    return { items, page, pageSize, total: Number(total.n) };
  }

  async unreadCount(reader: Reader): Promise<number> {
    const row = await this.db
      .selectFrom('shell_notices')
      .select((eb) => eb.fn.countAll().as('n'))
      .where(addressedTo(reader))
      .where(({ not, exists, selectFrom }) => not(exists(readBy(selectFrom, reader))))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async markRead(reader: Reader, id: number, at: Date): Promise<boolean> {
    const found = await this.db
      .selectFrom('shell_notices')
      .select('id')
      .where('id', '=', id)
      .where(addressedTo(reader))
      .executeTakeFirst();
    if (!found) return false;
    await this.db
      .insertInto('shell_notice_reads')
      .values({ notice_id: id, user_id: reader.id, read_at: at.toISOString() })
      .onConflict((oc) => oc.columns(['notice_id', 'user_id']).doNothing())
      .execute();
    return true;
  }

  async markAllRead(reader: Reader, at: Date): Promise<number> {
    const unread = await this.db
      .selectFrom('shell_notices')
      .select('shell_notices.id')
      .where(addressedTo(reader))
      .where(({ not, exists, selectFrom }) => not(exists(readBy(selectFrom, reader))))
      .execute();
    if (unread.length === 0) return 0;
    const readAt = at.toISOString();
    await this.db
      .insertInto('shell_notice_reads')
      .values(unread.map((r) => ({ notice_id: Number(r.id), user_id: reader.id, read_at: readAt })))
      .onConflict((oc) => oc.columns(['notice_id', 'user_id']).doNothing())
      .execute();
    return unread.length;
  }
}
