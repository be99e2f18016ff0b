/** Residents submit, list and rate their cases; staff read the queue and case details. */
import { callerOf, param, parseInput, userOf } from '@cunmen/module-api';
import { z } from 'zod';
import {
  allowedActions,
  type Category,
  checkSubmission,
  complaintsErrors,
  isReader,
  OPEN_STATUSES,
  prefixOf,
  rateBodySchema,
  refuseRating,
  STATUSES,
  submitBodySchema,
  within,
} from '../../common/index.js';
import { readerOf, residentOf, roleError, visibleCase } from '../access.js';
import type { ComplaintsRoute } from '../context.js';
import { createCase } from '../intake.js';
import { type CaseRow, stateOf, toSummary } from '../rows.js';
import { addEvent, detailFor, findCase } from '../store.js';
import { sweep } from '../sweep.js';

const queueQuery = z.object({
  status: z.enum([...STATUSES, 'open', 'all']).default('open'),
  scope: z.enum(['village', 'division', 'unit']).default('village'),
  overdue: z.enum(['1', '0']).optional(),
});

export const caseRoutes: ComplaintsRoute[] = [
  {
    method: 'POST',
    url: '/cases',
    async handler(c, request, reply) {
      const caller = callerOf(request);
      const { user, village } = residentOf(request);
      const body = parseInput(submitBodySchema, request.body);
      const issue = checkSubmission(body);
      if (issue) throw issue;
      const category = body.category as Category;
      const { id, tracking } = await createCase(c, user, village, { ...body, category });
      await c.audit.append({
        actor: user.name,
        action: 'case.submit',
        subject: `case:${id}`,
        detail: { tracking, village, category, photos: body.photos.length },
        ip: caller.ip,
      });
      reply.code(201);
      return detailFor(c, (await findCase(c, id)) as CaseRow, user);
    },
  },
  {
    method: 'GET',
    url: '/cases/mine',
    async handler(c, request) {
      const { user, village } = residentOf(request);
      await sweep(c, village);
      const rows: CaseRow[] = await c.db
        .selectFrom('complaints_case')
        .selectAll()
        .where('resident_id', '=', user.id)
        .where('village', '=', village)
        .orderBy('submitted_at', 'desc')
        // Cases of the same moment keep one order on both databases (PostgreSQL has no insertion order).
        .orderBy('tracking', 'desc')
        .limit(100)
        .execute();
      const now = c.nowIso();
      const items = rows.map((r) => toSummary(r, now));
      return { items, open: items.filter((s) => OPEN_STATUSES.includes(s.status)).length };
    },
  },
  {
    method: 'POST',
    url: '/cases/:id/rate',
    async handler(c, request) {
      const caller = callerOf(request);
      const user = userOf(request);
      const id = param(request, 'id');
      if (user.role !== 'resident') {
        // Staff may see the case but only its resident rates it.
        await visibleCase(c, id, user);
        throw roleError(`role ${user.role} may not rate; only the resident who submitted`);
      }
      const row = await visibleCase(c, id, user);
      const refusal = refuseRating(stateOf(row));
      if (refusal) throw refusal;
      const body = parseInput(rateBodySchema, request.body);
      const now = c.nowIso();
      await c.db.transaction().execute(async (trx) => {
        const r = await trx
          .updateTable('complaints_case')
          .set({ rating: body.rating, rating_comment: body.comment || null, rated_at: now, updated_at: now })
          .where('id', '=', row.id)
          .where('rating', 'is', null)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) throw complaintsErrors.error('COMPLAINTS_ERR_ALREADY_RATED');
        await addEvent(trx, row.id, {
          at: now,
          action: 'rate',
          from_status: row.status,
          to_status: row.status,
          unit: '村民',
          actor: null,
          actor_id: user.id,
          actor_role: 'resident',
          target: null,
          note: body.rating,
        });
      });
      await c.audit.append({
        actor: user.name,
        action: 'case.rate',
        subject: `case:${row.id}`,
        detail: { rating: body.rating },
        ip: caller.ip,
      });
      return detailFor(c, (await findCase(c, row.id)) as CaseRow, user);
    },
  },
  {
    method: 'GET',
    url: '/cases',
    async handler(c, request) {
      const caller = callerOf(request);
      const user = readerOf(request);
      const q = parseInput(queueQuery, request.query, 'query');
      // village: the console's village (within the user's division); division: everything the user
      // covers; unit: cases the user's unit owns or handles.
      const prefix = q.scope === 'village' ? caller.village : prefixOf(user.division);
      if (!within(user.division, caller.village) && q.scope === 'village') {
        throw complaintsErrors.error('COMPLAINTS_ERR_NOT_YOUR_UNIT', {
          en: `${user.division} does not cover ${caller.village}`,
          zh: '这个村不在您的辖区内',
        });
      }
      await sweep(c, prefix);
      let query = c.db.selectFrom('complaints_case').selectAll().where('village', 'like', `${prefix}%`);
      if (q.status === 'open') query = query.where('status', 'in', [...OPEN_STATUSES]);
      else if (q.status !== 'all') query = query.where('status', '=', q.status);
      if (q.scope === 'unit') {
        query = query.where((eb) =>
          eb.or([eb('owner_division', '=', user.division), eb('handler_division', '=', user.division)]),
        );
      }
      const rows: CaseRow[] = await query
        .orderBy('submitted_at', 'desc')
        .orderBy('tracking', 'desc')
        .limit(500)
        .execute();
      const now = c.nowIso();
      let items = rows.map((r) => ({ ...toSummary(r, now), actions: allowedActions(stateOf(r), user) }));
      if (q.overdue === '1')
        items = items.filter((s) => s.deadlines.acceptOverdue || s.deadlines.replyOverdue);
      // Overdue first, then the nearest deadline.
      items.sort((a, b) => {
        const ao = Number(a.deadlines.acceptOverdue || a.deadlines.replyOverdue);
        const bo = Number(b.deadlines.acceptOverdue || b.deadlines.replyOverdue);
        return bo - ao || b.submittedAt.localeCompare(a.submittedAt);
      });
      // The queue shows excerpts of the residents' own words: a view of originals, so it is recorded.
      await c.audit.append({
        actor: user.name,
        action: 'case.list',
        subject: `division:${prefix}`,
        detail: { scope: q.scope, status: q.status, count: items.length },
        ip: caller.ip,
      });
      return { items, total: items.length };
    },
  },
  {
    method: 'GET',
    url: '/cases/:id',
    async handler(c, request) {
      const caller = callerOf(request);
      const user = userOf(request);
      const row = await visibleCase(c, param(request, 'id'), user);
      if (isReader(user)) {
        await c.audit.append({
          actor: user.name,
          action: 'case.view',
          subject: `case:${row.id}`,
          detail: { tracking: row.tracking },
          ip: caller.ip,
        });
      }
      return detailFor(c, row, user);
    },
  },
];
