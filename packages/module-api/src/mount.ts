/**
 * Mounting: the same code path in the shell and in the module test harness, so a module's tests
 * exercise the real prefix, error format and caller hook. Only how a caller is resolved differs (the
 * shell verifies widget credentials; the harness reads a test header).
 */

import { installErrorHandler } from '@cunmen/errors/fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Migrator } from 'kysely';
import type { ModuleCaller } from './caller.js';
import { dialectOf, withAdvisoryLock } from './dialect.js';
import { MODULE_GENERIC_CODES, moduleErrors } from './errors.js';
import {
  type ModuleContext,
  migrationTables,
  modulePrefix,
  type ShellContext,
  type ShellModule,
} from './module.js';
import { checkJob, checkNotice } from './notify.js';

export type CallerResolver = (request: FastifyRequest, module: ShellModule) => Promise<ModuleCaller | null>;

/**
 * Whether the module's bookkeeping records exactly its migrations (two cheap queries, no lock). The
 * table is looked up first rather than queried blindly: PostgreSQL logs a failed query as an ERROR, and
 * a first start must not fill an operator's log with alarming lines.
 */
async function upToDate(module: ShellModule, db: ModuleContext['db']): Promise<boolean> {
  const table = migrationTables(module.id).migrationTableName;
  const tables = await db.introspection.getTables();
  if (!tables.some((t) => t.name === table)) return false; // a first start: the Migrator creates it
  const rows = await db.selectFrom(table).select('name').execute();
  const done = rows.map((r) => String(r.name)).sort();
  const wanted = Object.keys(module.migrations).sort();
  return done.length === wanted.length && done.every((name, i) => name === wanted[i]);
}

/**
 * Runs the module's pending migrations. On PostgreSQL several shell instances may start at once: the
 * whole run (creating Kysely's bookkeeping tables included) holds an advisory lock named after the
 * module, so one instance migrates and the others then find nothing left to do. A database that is
 * already up to date (every start after the first) is seen with one query and no lock.
 */
export async function migrateModule(module: ShellModule, context: Pick<ModuleContext, 'db'>): Promise<void> {
  if (await upToDate(module, context.db)) return;
  await withAdvisoryLock(context.db, `cunmen.module.${module.id}.migrate`, async (db) => {
    const migrator = new Migrator({
      db,
      provider: { getMigrations: async () => module.migrations },
      ...migrationTables(module.id),
    });
    const { error, results } = await migrator.migrateToLatest();
    if (error) {
      const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '(unknown)';
      throw new Error(`migration ${failed} of module ${module.id} failed: ${String(error)}`);
    }
  });
}

/**
 * Migrates the module and registers its routes under `/api/modules/<id>`; the module's context gets the
 * dialect of the shell's database.
 */
export async function mountModule(
  app: FastifyInstance,
  module: ShellModule,
  shellContext: ShellContext,
  resolveCaller: CallerResolver,
): Promise<void> {
  const context: ModuleContext = {
    ...shellContext,
    dialect: dialectOf(shellContext.db),
    // Checked here, so a wrong notice or job fails the same way in the shell and in a module's tests.
    notify: (notice) => shellContext.notify(checkNotice(notice)),
    schedule: (name, everyMs, run) => {
      checkJob(module.id, name, everyMs, run);
      shellContext.schedule(name, everyMs, run);
    },
  };
  await migrateModule(module, context);
  await app.register(
    async (scope) => {
      scope.decorateRequest('moduleCaller', null);
      installErrorHandler(scope, { family: moduleErrors, generic: MODULE_GENERIC_CODES });
      scope.addHook('onRequest', async (request) => {
        request.moduleCaller = await resolveCaller(request, module);
      });
      scope.addHook('onSend', async (request, reply, payload) => {
        // An error is never cached, also when the route had set a cache header before it threw.
        if (reply.statusCode >= 400 || !reply.hasHeader('cache-control')) {
          reply.header('cache-control', 'no-store');
        }
        reply.header('x-request-id', request.id);
        return payload;
      });
      await module.routes(scope, context);
    },
    { prefix: modulePrefix(module.id) },
  );
}
