/** The dialect helpers, on the back end this project runs (SQLite, or PostgreSQL in the postgres project). */
import { Kysely, MysqlDialect, sql } from 'kysely';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  addSerialId,
  dialectOf,
  isUniqueViolation,
  skipLocked,
  toCount,
  withAdvisoryLock,
} from './dialect.js';
import { defineModule } from './module.js';
import { migrateModule } from './mount.js';
import { openTestDatabase, stopTestDatabases, type TestDatabase, testDialect } from './testing/databases.js';

const blank = defineModule({ id: 'blank', package: '@cunmen/blank', migrations: {}, routes: async () => {} });

let database: TestDatabase;
const open = async () => {
  database = await openTestDatabase(blank);
  return database.db;
};
afterEach(async () => database?.close());
afterAll(stopTestDatabases);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('dialectOf', () => {
  it('reads the dialect from the adapter of the Kysely it is given', async () => {
    const db = await open();
    expect(dialectOf(db)).toBe(testDialect());
    expect(database.dialect).toBe(testDialect());
  });

  it('refuses a database modules do not run on', () => {
    const mysql = new Kysely({ dialect: new MysqlDialect({ pool: async () => ({}) as never }) });
    expect(() => dialectOf(mysql)).toThrow('modules run on SQLite or PostgreSQL, not on MysqlAdapter');
  });
});

describe('the helpers', () => {
  it('numbers serial ids itself and returns them as numbers', async () => {
    const db = await open();
    await addSerialId(db.schema.createTable('blank_row'), dialectOf(db))
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .execute();
    await db.insertInto('blank_row').values({ name: '仙潭村' }).execute();
    await db.insertInto('blank_row').values({ name: '五四村' }).execute();
    expect(await db.selectFrom('blank_row').select(['id', 'name']).orderBy('id').execute()).toEqual([
      { id: 1, name: '仙潭村' },
      { id: 2, name: '五四村' },
    ]);
    const count = await db
      .selectFrom('blank_row')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(toCount(count.n)).toBe(2);
    const twice = await db
      .insertInto('blank_row')
      .values({ name: '仙潭村' })
      .execute()
      .catch((err: unknown) => err);
    expect(isUniqueViolation(twice)).toBe(true);
    const missing = await db
      .selectFrom('blank_nothing')
      .selectAll()
      .execute()
      .catch((err: unknown) => err);
    expect(isUniqueViolation(missing)).toBe(false);
  });

  it('counts null as zero and refuses what is no number', () => {
    expect([toCount(null), toCount('12'), toCount(3)]).toEqual([0, 12, 3]);
    expect(() => toCount('many')).toThrow('not a count: many');
  });

  it('skips the rows another transaction has locked (PostgreSQL), and leaves SQLite queries alone', async () => {
    const db = await open();
    await db.schema
      .createTable('blank_job')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .execute();
    await db
      .insertInto('blank_job')
      .values([{ id: 1 }, { id: 2 }])
      .execute();
    const query = skipLocked(db.selectFrom('blank_job').select('id').orderBy('id'), dialectOf(db));
    if (dialectOf(db) === 'sqlite') {
      expect(query.compile().sql).not.toMatch(/for update/i);
      return;
    }
    const other = database.connectAgain().db;
    let release = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    const first = db.transaction().execute(async (trx) => {
      await trx.selectFrom('blank_job').select('id').where('id', '=', 1).forUpdate().execute();
      await held;
    });
    await sleep(100);
    const seen = await other
      .transaction()
      .execute(async (trx) =>
        skipLocked(trx.selectFrom('blank_job').select('id').orderBy('id'), 'postgres').execute(),
      );
    release();
    await first;
    expect(seen).toEqual([{ id: 2 }]);
  });

  it('runs work under one lock at a time across connections', async () => {
    const db = await open();
    const other = database.connectAgain().db;
    const log: string[] = [];
    const work = (name: string) => async (conn: Kysely<unknown>) => {
      log.push(`${name} in`);
      await sql`select 1`.execute(conn);
      await sleep(150);
      log.push(`${name} out`);
      return name;
    };
    const both = await Promise.all([
      withAdvisoryLock(db, 'blank.lock', work('a')),
      (async () => {
        await sleep(20);
        return withAdvisoryLock(other, 'blank.lock', work('b'));
      })(),
    ]);
    expect(both).toEqual(['a', 'b']);
    if (dialectOf(db) === 'postgres') expect(log).toEqual(['a in', 'a out', 'b in', 'b out']);
  });
});

describe('migrateModule', () => {
  it('migrates once when two instances start at once', async () => {
    const db = await open();
    let runs = 0;
    const counted = defineModule({
      id: 'counted',
      package: '@cunmen/counted',
      migrations: {
        '0001': {
          async up(m) {
            runs++;
            await sleep(100);
            await m.schema.createTable('counted_row').addColumn('n', 'integer').execute();
          },
        },
      },
      routes: async () => {},
    });
    await Promise.all([
      migrateModule(counted, { db }),
      migrateModule(counted, { db: database.connectAgain().db }),
    ]);
    expect(runs).toBe(1);
    expect(await db.selectFrom('counted_row').selectAll().execute()).toEqual([]);
    const done = await db.selectFrom('module_counted_migration').select('name').execute();
    expect(done).toEqual([{ name: '0001' }]);
  });
});
