/**
 * Mounting: the same code path in the shell and in the module test harness, so a module's tests
 * exercise the real prefix, error format and caller hook. Only how a caller is resolved differs (the
 * shell verifies widget credentials; the harness reads a test header).
 */

import { installErrorHandler } from '@cunmen/errors/fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Migrator } from 'kysely';
import type { ModuleCaller } from './caller.js';
import { MODULE_GENERIC_CODES, moduleErrors } from './errors.js';
import { type ModuleContext, migrationTables, modulePrefix, type ShellModule } from './module.js';

export type CallerResolver = (request: FastifyRequest, module: ShellModule) => Promise<ModuleCaller | null>;

export async function migrateModule(module: ShellModule, context: Pick<ModuleContext, 'db'>): Promise<void> {
  const migrator = new Migrator({
    db: context.db,
    provider: { getMigrations: async () => module.migrations },
    ...migrationTables(module.id),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '(unknown)';
    throw new Error(`migration ${failed} of module ${module.id} failed: ${String(error)}`);
  }
}

/** Migrates the module and registers its routes under `/api/modules/<id>`. */
export async function mountModule(
  app: FastifyInstance,
  module: ShellModule,
  context: ModuleContext,
  resolveCaller: CallerResolver,
): Promise<void> {
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
