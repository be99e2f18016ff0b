/**
 * A registry for route tests: a fresh data directory with two county users (`dq` for @deqing, `aj` for
 * @anji) and a province user (`zj` for @cunmen), and the app over it. `close` stops both.
 */
import { makeTempDir } from '@cunmen/test-utils';
import type { FastifyInstance } from 'fastify';
import { type BuildAppOptions, buildApp } from '../src/app.js';
import { createAccount } from '../src/services/accounts.js';
import { OPERATOR } from '../src/services/actor.js';
import { openStorage } from '../src/storage/index.js';
import type { Role, Storage } from '../src/storage/types.js';
import { freshBackend, storageOptionsFor } from './backends.js';

export interface TestRegistry {
  app: FastifyInstance;
  storage: Storage;
  dataDir: string;
  tokens: { deqing: string; anji: string; province: string };
  close(): Promise<void>;
}

async function user(storage: Storage, name: string, role: Role, county: string, scope: string) {
  return (await createAccount(storage, OPERATOR, { name, role, county, scope })).token;
}

export async function testRegistry(
  prefix: string,
  options: Partial<BuildAppOptions> = {},
): Promise<TestRegistry> {
  const dataDir = (await makeTempDir(prefix)).path;
  await freshBackend();
  // The suite's back end: PostgreSQL + S3 in the `postgres` vitest project.
  const storage = await openStorage(dataDir, await storageOptionsFor(dataDir));
  const tokens = {
    deqing: await user(storage, 'dq', 'county', '330521', '@deqing'),
    anji: await user(storage, 'aj', 'county', '330523', '@anji'),
    province: await user(storage, 'zj', 'province', '330000', '@cunmen'),
  };
  const app = await buildApp({ publicUrl: 'https://r.example', ...options, dataDir, storage });
  return {
    app,
    storage,
    dataDir,
    tokens,
    close: async () => {
      await app.close();
      await storage.close();
    },
  };
}
