import { randomUUID } from 'node:crypto';
import { callerOf, moduleError, parseInput, userOf } from '@cunmen/module-api';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  addHours,
  allowedActions,
  CATEGORIES,
  type Category,
  checkSubmission,
  chinaDay,
  OPEN_STATUSES,
  prefixOf,
  rateBodySchema,
  refuseRating,
  STATUSES,
  submitBodySchema,
  within,
} from '../common/index.js';
import { type CaseRow, type PhotoRow, stateOf, toSummary } from './rows.js';
import {
  type ComplaintsOptions,
  ID,
  isReader,
  readerOf,
  residentOf,
  roleError,
  type Services,
} from './services.js';

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return (
    e.code === '23505' || e.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint/i.test(e.message ?? '')
  );
}

/** Residents submit, list and rate; staff read the queue and case details. */
export async function caseRoutes(
  app: FastifyInstance,
  s: Services,
  options: ComplaintsOptions,
): Promise<void> {
  const { ctx, db, nowIso, settingsFor, addEvent, sweep, findCase, visibleCase, detailFor } = s;
  /* ------------------------------------------------------------ residents */

  app.post('/cases', async (request, reply) => {
    const caller = callerOf(request);
    const { user, village } = residentOf(request);
    const body = parseInput(submitBodySchema, request.body);
    const issue = checkSubmission(body);
    if (issue) throw moduleError(400, issue.code, issue.en, issue.zh, issue.field);
    const category = body.category as Category;
    const ids = body.photos;
    if (new Set(ids).size !== ids.length) {
      throw moduleError(
        400,
        'COMPLAINTS_ERR_PHOTO_UNKNOWN',
        'photos: the same photo twice',
        '同一张照片添加了两次',
        'photos',
      );
    }
    const photos: PhotoRow[] = ids.length
      ? await db
          .selectFrom('complaints_photo')
          .selectAll()
          .where(
            'id',
            'in',
            ids.filter((id) => ID.test(id)),
          )
          .execute()
      : [];
    ids.forEach((id, i) => {
      const p = photos.find((x) => x.id === id);
      if (!p || p.uploader_id !== user.id || p.village !== village || p.case_id !== null) {
        throw moduleError(
          400,
          'COMPLAINTS_ERR_PHOTO_UNKNOWN',
          `photos.${i}: not a photo you uploaded (or it belongs to another case)`,
          `第 ${i + 1} 张照片无效，请重新上传`,
          `photos.${i}`,
        );
      }
    });
    const now = nowIso();
    const day = chinaDay(now);
    const today = await db
      .selectFrom('complaints_case')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('resident_id', '=', user.id)
      .where('submitted_at', '>', addHours(now, -24))
      .executeTakeFirst();
    if (Number(today?.n ?? 0) >= options.submissionsPerDay) {
      throw moduleError(
        429,
        'COMPLAINTS_ERR_RATE_LIMIT',
        'too many submissions today',
        '今天提交的次数太多了，请明天再试或拨打村委会电话',
      );
    }
    const { settings } = await settingsFor(village);
    const limitClass = CATEGORIES[category].limitClass;
    const id = randomUUID();
    let tracking = '';
    // Two submissions in the same second may compute the same number (PostgreSQL, several instances):
    // the unique index refuses the second, which then takes the next number.
    for (let attempt = 1; ; attempt++) {
      try {
        await db.transaction().execute(async (trx) => {
          const prefix = `JS${day}-`;
          const last = await trx
            .selectFrom('complaints_case')
            .select((eb) => eb.fn.max('tracking').as('t'))
            .where('village', '=', village)
            .where('tracking', 'like', `${prefix}%`)
            .executeTakeFirst();
          const seq = last?.t ? Number(String(last.t).slice(prefix.length)) + 1 : 1;
          tracking = `${prefix}${String(seq).padStart(4, '0')}`;
          await trx
            .insertInto('complaints_case')
            .values({
              id,
              tracking,
              village,
              category,
              limit_class: limitClass,
              text: body.text.trim(),
              place: body.place || null,
              lat: body.location?.lat ?? null,
              lng: body.location?.lng ?? null,
              is_public: body.public ? 1 : 0,
              status: 'submitted',
              resident_id: user.id,
              resident_name: user.displayName,
              household: user.household,
              submitted_at: now,
              accept_due: addHours(now, settings.acceptHours),
              reply_due: addHours(now, settings.replyHours[limitClass]),
              updated_at: now,
            })
            .execute();
          for (const [position, photo] of ids.entries()) {
            await trx
              .updateTable('complaints_photo')
              .set({ case_id: id, position })
              .where('id', '=', photo)
              .execute();
          }
          await addEvent(trx, id, {
            at: now,
            action: 'submit',
            from_status: null,
            to_status: 'submitted',
            unit: '村民',
            actor: null,
            actor_id: user.id,
            actor_role: 'resident',
            target: null,
            note: null,
          });
        });
        break;
      } catch (err) {
        if (attempt >= 3 || !isUniqueViolation(err)) throw err;
      }
    }
    await ctx.audit.append({
      actor: user.name,
      action: 'case.submit',
      subject: `case:${id}`,
      detail: { tracking, village, category, photos: ids.length },
      ip: caller.ip,
    });
    const row = (await findCase(id)) as CaseRow;
    return reply.code(201).send(await detailFor(row, user));
  });

  app.get('/cases/mine', async (request) => {
    const { user, village } = residentOf(request);
    await sweep(village);
    const rows: CaseRow[] = await db
      .selectFrom('complaints_case')
      .selectAll()
      .where('resident_id', '=', user.id)
      .where('village', '=', village)
      .orderBy('submitted_at', 'desc')
      .limit(100)
      .execute();
    const now = nowIso();
    const items = rows.map((r) => toSummary(r, now));
    return { items, open: items.filter((c) => OPEN_STATUSES.includes(c.status)).length };
  });

  app.post<{ Params: { id: string } }>('/cases/:id/rate', async (request) => {
    const caller = callerOf(request);
    const user = userOf(request);
    if (user.role !== 'resident') {
      // Staff may see the case but only its resident rates it.
      await visibleCase(request.params.id, user);
      throw roleError(`role ${user.role} may not rate; only the resident who submitted`);
    }
    const row = await visibleCase(request.params.id, user);
    const refusal = refuseRating(stateOf(row));
    if (refusal) throw moduleError(refusal.status, refusal.code, refusal.en, refusal.zh);
    const body = parseInput(rateBodySchema, request.body);
    const now = nowIso();
    await db.transaction().execute(async (trx) => {
      const r = await trx
        .updateTable('complaints_case')
        .set({ rating: body.rating, rating_comment: body.comment || null, rated_at: now, updated_at: now })
        .where('id', '=', row.id)
        .where('rating', 'is', null)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) {
        throw moduleError(
          409,
          'COMPLAINTS_ERR_ALREADY_RATED',
          'this case is rated already',
          '您已经评价过了',
        );
      }
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
    await ctx.audit.append({
      actor: user.name,
      action: 'case.rate',
      subject: `case:${row.id}`,
      detail: { rating: body.rating },
      ip: caller.ip,
    });
    return detailFor((await findCase(row.id)) as CaseRow, user);
  });

  /* ------------------------------------------------------------ staff */

  const queueQuery = z.object({
    status: z.enum([...STATUSES, 'open', 'all']).default('open'),
    scope: z.enum(['village', 'division', 'unit']).default('village'),
    overdue: z.enum(['1', '0']).optional(),
  });

  app.get('/cases', async (request) => {
    const caller = callerOf(request);
    const user = readerOf(request);
    const q = parseInput(queueQuery, request.query, 'query');
    // village: the console's village (within the user's division); division: everything the user covers;
    // unit: cases the user's unit owns or handles.
    const prefix = q.scope === 'village' ? caller.village : prefixOf(user.division);
    if (!within(user.division, caller.village) && q.scope === 'village') {
      throw moduleError(
        403,
        'COMPLAINTS_ERR_NOT_YOUR_UNIT',
        `${user.division} does not cover ${caller.village}`,
        '这个村不在您的辖区内',
      );
    }
    await sweep(prefix);
    let query = db.selectFrom('complaints_case').selectAll().where('village', 'like', `${prefix}%`);
    if (q.status === 'open') query = query.where('status', 'in', [...OPEN_STATUSES]);
    else if (q.status !== 'all') query = query.where('status', '=', q.status);
    if (q.scope === 'unit') {
      query = query.where((eb) =>
        eb.or([eb('owner_division', '=', user.division), eb('handler_division', '=', user.division)]),
      );
    }
    const rows: CaseRow[] = await query.orderBy('submitted_at', 'desc').limit(500).execute();
    const now = nowIso();
    let items = rows.map((r) => ({ ...toSummary(r, now), actions: allowedActions(stateOf(r), user) }));
    if (q.overdue === '1') items = items.filter((c) => c.deadlines.acceptOverdue || c.deadlines.replyOverdue);
    // Overdue first, then the nearest deadline.
    items.sort((a, b) => {
      const ao = Number(a.deadlines.acceptOverdue || a.deadlines.replyOverdue);
      const bo = Number(b.deadlines.acceptOverdue || b.deadlines.replyOverdue);
      return bo - ao || b.submittedAt.localeCompare(a.submittedAt);
    });
    // The queue shows excerpts of the residents' own words: a view of originals, so it is recorded.
    await ctx.audit.append({
      actor: user.name,
      action: 'case.list',
      subject: `division:${prefix}`,
      detail: { scope: q.scope, status: q.status, count: items.length },
      ip: caller.ip,
    });
    return { items, total: items.length };
  });

  app.get<{ Params: { id: string } }>('/cases/:id', async (request) => {
    const caller = callerOf(request);
    const user = userOf(request);
    const row = await visibleCase(request.params.id, user);
    if (isReader(user)) {
      await ctx.audit.append({
        actor: user.name,
        action: 'case.view',
        subject: `case:${row.id}`,
        detail: { tracking: row.tracking },
        ip: caller.ip,
      });
    }
    return detailFor(row, user);
  });
}
