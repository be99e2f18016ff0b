import { makeTempDir } from '@cunmen/test-utils';
import type { Kysely } from 'kysely';
import { afterEach, describe } from 'vitest';
import { openDatabase } from '../storage/sqlite/database.js';
import { KyselyMandatoryStore } from './kysely-store.js';
import { mandatoryStoreContract } from './store.contract.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe('KyselyMandatoryStore on SQLite', () => {
  mandatoryStoreContract(async () => {
    const dir = await makeTempDir('cunmen-mandatory-');
    const db = await openDatabase(`${dir.path}/shell.db`);
    cleanups.push(async () => {
      await db.destroy();
      await dir.remove();
    });
    const store = new KyselyMandatoryStore(db as unknown as Kysely<unknown>);
    await store.migrate();
    return store;
  });
});
