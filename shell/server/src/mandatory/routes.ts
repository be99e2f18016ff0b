/**
 * The mandatory-module rules on the console origin (`/api/console/v1/mandatory`):
 *
 * - `GET    ?village=<code>` — the rules that cover one village (any staff member of that village);
 *   `?division=<code>` — the rules under a division (province maintainers and county admins there);
 * - `PUT    {division, package}` — a province maintainer for the province or one of its counties, a
 *   county admin for the county; the package must have an approved release in the registry, so a typo
 *   can never block every village's next edit;
 * - `DELETE ?division=&package=` — removes a rule, same roles.
 *
 * Every change is in the shell's audit log.
 */
import type { AuditLog } from '@cunmen/audit-log';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { shellError } from '../errors.js';
import type { PortalService } from '../portals/service.js';
import { pickVersion } from '../portals/widget-ops.js';
import type { MandatoryStore } from './store.js';

export interface MandatoryRouteOptions {
  store: MandatoryStore;
  portals: PortalService;
  audit: AuditLog;
  now: () => Date;
}

const RULE_DIVISION = /^\d{6}$/;
const PACKAGE = /^@[a-z0-9-]+\/[a-z0-9-]+$/;

function ruleDivision(value: unknown): string {
  if (typeof value === 'string' && RULE_DIVISION.test(value)) return value;
  throw shellError(
    'SHELL_ERR_BAD_REQUEST',
    'division: expected the 6-digit code of a province (…0000) or a county, e.g. 330521',
    { zh: 'division：应为省（以 0000 结尾）或县的 6 位行政区划代码，例如 330521', field: 'division' },
  );
}

function packageName(value: unknown): string {
  if (typeof value === 'string' && PACKAGE.test(value)) return value;
  throw shellError(
    'SHELL_ERR_BAD_REQUEST',
    'package: expected a scoped package name such as @cunmen/affairs-disclosure',
    {
      zh: 'package：应为服务的包名，例如 @cunmen/affairs-disclosure',
      field: 'package',
    },
  );
}

type RuleRequest = FastifyRequest<{ Body: { division?: unknown; package?: unknown } }>;
type QueryRequest = FastifyRequest<{
  Querystring: { division?: unknown; package?: unknown; village?: unknown };
}>;

export const mandatoryRoutes: FastifyPluginAsync<MandatoryRouteOptions> = async (app, opts) => {
  const path = '/api/console/v1/mandatory';
  const staff = ['village-cadre', 'county-admin', 'province-maintainer'] as const;
  const rulers = ['county-admin', 'province-maintainer'] as const;
  // A malformed code is left to the handler, which refuses it on its field (400, not a 403).
  const code = (value: unknown) =>
    typeof value === 'string' && /^\d{6,12}$/.test(value) ? value : undefined;
  const queried = (request: FastifyRequest) => {
    const q = request.query as { division?: unknown; village?: unknown };
    return code(q.village) ?? code(q.division);
  };
  const fromBody = (request: FastifyRequest) =>
    code((request.body as { division?: unknown } | null)?.division);
  const audited = (request: FastifyRequest, action: string, division: string, pkg: string) =>
    opts.audit.append({
      actor: request.identity?.user.name ?? '',
      action,
      subject: `division:${division}`,
      detail: { package: pkg },
      ip: request.ip,
    });

  app.get(
    path,
    { preHandler: app.requireUser({ roles: [...staff], division: queried }) },
    async (request: QueryRequest) => {
      const { village, division } = request.query;
      if (typeof village === 'string') {
        await opts.portals.village(village);
        return { rules: await opts.store.forVillage(village) };
      }
      if (request.identity?.user.role === 'village-cadre') {
        throw shellError(
          'SHELL_ERR_BAD_REQUEST',
          'village: a village cadre asks for the rules of the village',
          {
            zh: 'village：请指定本村的行政区划代码',
            field: 'village',
          },
        );
      }
      return { rules: await opts.store.list(ruleDivision(division)) };
    },
  );

  app.put(
    path,
    { preHandler: app.requireUser({ roles: [...rulers], division: fromBody }) },
    async (request: RuleRequest) => {
      const division = ruleDivision(request.body?.division);
      const pkg = packageName(request.body?.package);
      // Refused in Chinese, naming the package, when the registry has no approved, compatible release.
      await pickVersion(opts.portals, pkg, 'latest');
      const rule = {
        division,
        package: pkg,
        setBy: request.identity?.user.name ?? '',
        setAt: opts.now().toISOString(),
      };
      const added = await opts.store.add(rule);
      if (added) await audited(request, 'mandatory.add', division, pkg);
      return { added, rules: await opts.store.list(division) };
    },
  );

  app.delete(
    path,
    { preHandler: app.requireUser({ roles: [...rulers], division: queried }) },
    async (request: QueryRequest) => {
      const division = ruleDivision(request.query.division);
      const pkg = packageName(request.query.package);
      const removed = await opts.store.remove(division, pkg);
      if (!removed) {
        throw shellError('SHELL_ERR_NOT_FOUND', `no mandatory rule for ${pkg} in division ${division}`, {
          zh: `${division} 没有把 ${pkg} 设为必备服务`,
          field: 'package',
        });
      }
      await audited(request, 'mandatory.remove', division, pkg);
      return { removed, rules: await opts.store.list(division) };
    },
  );
};
