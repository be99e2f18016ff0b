/** A Fastify app with only identity and the shell's error handler, on an in-memory SQLite, for tests. */
import { type AuditLog, createAuditLogTable, openAuditLog } from '@cunmen/audit-log';
import BetterSqlite3 from 'better-sqlite3';
import Fastify, { type FastifyInstance } from 'fastify';
import { Kysely, SqliteDialect } from 'kysely';
import { handleShellErrors } from '../errors.js';
import type { OidcOptions } from './oidc.js';
import { hashPassword } from './passwords.js';
import { identity } from './plugin.js';
import type { IdentityRole } from './roles.js';
import { SqlIdentityStore } from './sql-store.js';

export const PASSWORD = 'correct horse battery';

export async function identityTestApp(options: { oidc?: OidcOptions } = {}) {
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new BetterSqlite3(':memory:') }) });
  const store = new SqlIdentityStore(db);
  await store.migrate();
  await createAuditLogTable(db);
  const audit: AuditLog = openAuditLog(db);
  const app: FastifyInstance = Fastify();
  handleShellErrors(app);
  await app.register(identity, { store, audit, secureCookies: false, oidc: options.oidc });
  app.get<{ Params: { code: string } }>(
    '/api/test/villages/:code',
    {
      preHandler: app.requireUser({
        roles: ['village-cadre', 'county-admin'],
        division: (r) => (r.params as { code: string }).code,
      }),
    },
    async (request) => ({ ok: true, by: request.identity?.user.name }),
  );
  app.post('/api/test/write', { preHandler: app.requireUser() }, async () => ({ ok: true }));
  const addUser = async (name: string, role: IdentityRole, division: string) =>
    store.createUser({ name, displayName: name, role, division, passwordHash: await hashPassword(PASSWORD) });
  return {
    app,
    store,
    audit,
    /** The audit entries as `[actor, action]`, oldest first. */
    actions: async () => (await audit.list()).map((r) => [r.actor, r.action]),
    addUser,
    close: async () => {
      await app.close();
      await db.destroy();
    },
  };
}
