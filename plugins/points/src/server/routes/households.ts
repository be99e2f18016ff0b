/**
 * Households and their ledgers: the committee registers households and reads every ledger; a merchant
 * looks one household up at the counter (its masked name and what it may spend); a resident reads their
 * own household's balance, entries and claims (their household is registered on first sight).
 */
import { param, parseInput } from '@cunmen/module-api';
import { householdBodySchema, pointsErrors } from '../../common/index.js';
import { committeeOf, merchantOf, notJoined, readerOf, residentOf } from '../access.js';
import type { PointsContext, PointsRoute } from '../context.js';
import { balanceIn } from '../ledger-store.js';
import { publicName } from '../reports.js';
import { toClaim, toEntry } from '../rows.js';
import { ensureHousehold, findHousehold, settingsOf } from '../village-store.js';

async function ledgerOf(c: PointsContext, village: string, household: string) {
  const rows = await c.db
    .selectFrom('points_entry')
    .selectAll()
    .where('village', '=', village)
    .where('household', '=', household)
    .orderBy('seq', 'desc')
    .limit(500)
    .execute();
  return rows.map(toEntry);
}

async function existing(c: PointsContext, village: string, code: string) {
  const row = await findHousehold(c.db, village, code);
  if (!row) throw pointsErrors.error('POINTS_ERR_HOUSEHOLD', { field: 'household' });
  return row;
}

export const householdRoutes: PointsRoute[] = [
  {
    method: 'POST',
    url: '/households',
    async handler(c, request, reply) {
      const { user, village, ip } = committeeOf(request);
      const body = parseInput(householdBodySchema, request.body);
      const { created } = await ensureHousehold(c, village, body.code, body.head);
      if (!created) throw pointsErrors.error('POINTS_ERR_HOUSEHOLD_EXISTS', { field: 'code' });
      await c.audit.append({
        actor: user.name,
        action: 'household.register',
        subject: `household:${village}:${body.code}`,
        ip,
      });
      reply.code(201);
      return { code: body.code, head: body.head, balance: await balanceIn(c.db, village, body.code) };
    },
  },
  {
    method: 'GET',
    url: '/households',
    async handler(c, request) {
      const { village } = readerOf(request);
      const rows = await c.db
        .selectFrom('points_household')
        .selectAll()
        .where('village', '=', village)
        .orderBy('code')
        .execute();
      return {
        items: await Promise.all(
          rows.map(async (h) => ({
            code: h.code,
            head: h.head,
            balance: await balanceIn(c.db, village, h.code),
          })),
        ),
      };
    },
  },
  {
    method: 'GET',
    url: '/households/:code/ledger',
    async handler(c, request) {
      const { village } = readerOf(request);
      const h = await existing(c, village, param(request, 'code'));
      return {
        code: h.code,
        head: h.head,
        balance: await balanceIn(c.db, village, h.code),
        entries: await ledgerOf(c, village, h.code),
      };
    },
  },
  {
    method: 'GET',
    url: '/counter/:code',
    async handler(c, request) {
      const { village } = merchantOf(request);
      const h = await existing(c, village, param(request, 'code'));
      const { masking } = await settingsOf(c.db, village);
      return {
        code: h.code,
        name: publicName(masking, h.head, h.code),
        balance: await balanceIn(c.db, village, h.code),
      };
    },
  },
  {
    method: 'GET',
    url: '/me',
    async handler(c, request) {
      const { user, village } = residentOf(request);
      if (!user.household) throw notJoined();
      await ensureHousehold(c, village, user.household, user.displayName);
      const claims = await c.db
        .selectFrom('points_claim')
        .selectAll()
        .where('village', '=', village)
        .where('household', '=', user.household)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .limit(100)
        .execute();
      return {
        household: user.household,
        balance: await balanceIn(c.db, village, user.household),
        entries: await ledgerOf(c, village, user.household),
        claims: claims.map(toClaim),
      };
    },
  },
];
