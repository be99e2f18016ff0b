/** The rule book (public to the portal), its adoption by the assembly, the settings and the yearly reset. */
import { callerOf, parseInput } from '@cunmen/module-api';
import { adoptBodySchema, inForce, resetBodySchema, settingsSchema } from '../../common/index.js';
import { committeeOf, readerOf } from '../access.js';
import type { PointsRoute } from '../context.js';
import { resetYear } from '../reports.js';
import { adopt, ruleBooks, settingsOf } from '../village-store.js';

export const ruleBookRoutes: PointsRoute[] = [
  {
    method: 'GET',
    url: '/rulebook',
    async handler(c, request) {
      const { village } = callerOf(request);
      const versions = await ruleBooks(c.db, village);
      return { inForce: inForce(versions, c.today()), versions };
    },
  },
  {
    method: 'POST',
    url: '/rulebooks',
    async handler(c, request, reply) {
      const { user, village, ip } = committeeOf(request);
      const body = parseInput(adoptBodySchema, request.body);
      const version = await adopt(c, village, user.name, body);
      await c.audit.append({
        actor: user.name,
        action: 'rulebook.adopt',
        subject: `rulebook:${village}:${version}`,
        detail: { adoptedOn: body.adoptedOn, items: body.items.length, assembly: body.assembly },
        ip,
      });
      reply.code(201);
      return { version, adoptedOn: body.adoptedOn };
    },
  },
  {
    method: 'GET',
    url: '/settings',
    async handler(c, request) {
      const { village } = readerOf(request);
      return settingsOf(c.db, village);
    },
  },
  {
    method: 'PUT',
    url: '/settings',
    async handler(c, request) {
      const { user, village, ip } = committeeOf(request);
      const settings = parseInput(settingsSchema, request.body);
      const row = { settings: JSON.stringify(settings), updated_at: c.nowIso(), updated_by: user.name };
      await c.db
        .insertInto('points_settings')
        .values({ village, ...row })
        .onConflict((oc) => oc.column('village').doUpdateSet(row))
        .execute();
      await c.audit.append({
        actor: user.name,
        action: 'settings.update',
        subject: `village:${village}`,
        detail: settings,
        ip,
      });
      return settings;
    },
  },
  {
    method: 'POST',
    url: '/reset',
    async handler(c, request) {
      const { user, village, ip } = committeeOf(request);
      const { year } = parseInput(resetBodySchema, request.body);
      const households = await resetYear(c, village, year, user.name);
      await c.audit.append({
        actor: user.name,
        action: 'ledger.reset',
        subject: `village:${village}`,
        detail: { year, households },
        ip,
      });
      return { year, households };
    },
  },
];
