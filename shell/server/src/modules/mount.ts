/**
 * Mounts the standard modules' back ends through `@cunmen/module-api`: each module gets its migrations
 * run, its routes under `/api/modules/<id>`, and a context made of the shell's own services (database,
 * hash-chained audit log, division tree, a blob store of its own, the clock). The shell authenticates
 * every call before module code runs: a widget credential of a version of the module's OWN package,
 * still in the village's current portal, holding the `module.api` capability granted at review — or no
 * credential at all (`moduleCaller` null), which modules accept only for public reads. The session
 * cookie plays no part here (identity/plugin.ts skips it), so no CSRF can ride on it.
 */

import type { CunmenError } from '@cunmen/errors';
import { refusals } from '@cunmen/host-api';
import {
  checkJob,
  type ModuleCaller,
  type ModuleContext,
  type ModuleDivision,
  moduleAudit,
  moduleError,
  mountModule,
  type ShellContext,
  type ShellModule,
} from '@cunmen/module-api';
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest } from 'fastify';
import { isShellError, shellError } from '../errors.js';
import type { WidgetCredentials } from '../host-api/credentials.js';
import type { Notifier } from '../notifications/delivery.js';
import type { Scheduler } from '../notifications/scheduler.js';
import type { Storage } from '../storage/types.js';

/** The shell's services behind `ctx.notify` and `ctx.schedule` (notifications/). */
export interface ModuleServices {
  notifier: Pick<Notifier, 'send'>;
  scheduler: Pick<Scheduler, 'add'>;
}

export interface ModulesOptions {
  modules: readonly ShellModule[];
  storage: Storage;
  credentials: WidgetCredentials;
  services: ModuleServices;
  now?: () => Date;
}

/** A shell error thrown in a module's scope: same status, code, texts and field (the module's handler answers it). */
function asModuleError(err: CunmenError) {
  return moduleError(err.status, err.code, err.message, err.zh, err.field);
}

function divisionsFor(storage: Storage): ModuleContext['divisions'] {
  return {
    get: async (code) => storage.divisions.getDivision(code),
    villages: async (prefix): Promise<ModuleDivision[]> =>
      (await storage.divisions.listVillages(prefix)).map((v) => ({
        code: v.code,
        level: 'village',
        name: v.name,
        parent: v.township?.code ?? v.county?.code ?? null,
      })),
  };
}

/** The context a module's code runs with: the shell's services, scoped to the module. */
export function shellContextFor(
  module: ShellModule,
  storage: Storage,
  log: FastifyBaseLogger,
  services: ModuleServices,
  now?: () => Date,
): ShellContext {
  return {
    id: module.id,
    db: storage.modules.database,
    audit: moduleAudit(module.id, storage.audit),
    blobs: storage.modules.blobs(module.id),
    divisions: divisionsFor(storage),
    now: now ?? (() => new Date()),
    log: log.child({ module: module.id }),
    notify: async (notice) => {
      await services.notifier.send({ ...notice, module: module.id });
    },
    schedule: (name, everyMs, run) => services.scheduler.add(checkJob(module.id, name, everyMs, run)),
  };
}

export async function mountModules(app: FastifyInstance, options: ModulesOptions): Promise<void> {
  const ids = new Set<string>();
  for (const module of options.modules) {
    if (ids.has(module.id)) throw new Error(`two standard modules share the id "${module.id}"`);
    ids.add(module.id);
    const context = shellContextFor(module, options.storage, app.log, options.services, options.now);
    const resolveCaller = async (request: FastifyRequest, m: ShellModule): Promise<ModuleCaller | null> => {
      if (request.headers.authorization === undefined) return null;
      let call: Awaited<ReturnType<WidgetCredentials['verify']>>;
      try {
        call = await options.credentials.verify(request.headers.authorization);
      } catch (err) {
        if (isShellError(err)) throw asModuleError(err);
        throw err;
      }
      if (call.widget !== m.package) {
        throw asModuleError(
          shellError(
            'SHELL_ERR_FORBIDDEN',
            `only ${m.package} may call /api/modules/${m.id}; this credential is ${call.widget}'s`,
            { zh: '只有本模块自己的页面可以调用这个接口' },
          ),
        );
      }
      if (!call.capabilities.has('module.api')) {
        const { code, en } = refusals.capabilityDenied('module.api', call.widget);
        throw asModuleError(shellError(code, en, { zh: '本模块没有获得「module.api」权限，无法完成操作' }));
      }
      const user = call.user;
      return {
        village: call.village,
        widget: call.widget,
        version: call.version,
        user: user
          ? {
              id: user.id,
              name: user.name,
              displayName: user.displayName,
              role: user.role,
              division: user.division,
              household: user.household,
            }
          : null,
        ip: request.ip,
      };
    };
    await mountModule(app, module, context, resolveCaller);
  }
}
