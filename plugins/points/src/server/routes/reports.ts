/** The public boards (leaderboard, monthly summary) and the committee's XLSX export of the ledger. */
import { callerOf, parseInput, query } from '@cunmen/module-api';
import { z } from 'zod';
import { chinaDay, chinaMonth, inForce, isMonth, pointsErrors } from '../../common/index.js';
import { readerOf } from '../access.js';
import type { PointsRoute } from '../context.js';
import { ledgerXlsx } from '../export.js';
import { balanceIn } from '../ledger-store.js';
import { leaderboard, monthSummary } from '../reports.js';
import { ruleBooks } from '../village-store.js';

const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const reportRoutes: PointsRoute[] = [
  {
    method: 'GET',
    url: '/leaderboard',
    async handler(c, request) {
      const { village } = callerOf(request);
      const q = parseInput(yearQuery, query(request), 'query');
      const year = q.year ?? Number(chinaDay(c.now()).slice(0, 4));
      return { year, items: await leaderboard(c, village, year) };
    },
  },
  {
    method: 'GET',
    url: '/summary',
    async handler(c, request) {
      const { village } = callerOf(request);
      const month = query(request).month ?? chinaMonth(c.now());
      if (!isMonth(month)) throw pointsErrors.error('POINTS_ERR_MONTH', { field: 'month' });
      return monthSummary(c, village, month);
    },
  },
  {
    method: 'GET',
    url: '/export.xlsx',
    async handler(c, request, reply) {
      const { user, village, ip } = readerOf(request);
      const households = await c.db
        .selectFrom('points_household')
        .selectAll()
        .where('village', '=', village)
        .orderBy('code')
        .execute();
      const entries = await c.db
        .selectFrom('points_entry')
        .selectAll()
        .where('village', '=', village)
        .orderBy('household')
        .orderBy('seq')
        .execute();
      const withBalances = await Promise.all(
        households.map(async (h) => ({ ...h, balance: await balanceIn(c.db, village, h.code) })),
      );
      const name = (await c.divisions.get(village))?.name ?? village;
      const book = inForce(await ruleBooks(c.db, village), c.today());
      const xlsx = await ledgerXlsx(name, withBalances, entries, book);
      await c.audit.append({ actor: user.name, action: 'ledger.export', subject: `village:${village}`, ip });
      const file = encodeURIComponent(`${name}积分台账-${c.today()}.xlsx`);
      reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename*=UTF-8''${file}`);
      return reply.send(xlsx);
    },
  },
];
