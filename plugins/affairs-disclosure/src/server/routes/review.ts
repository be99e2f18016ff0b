/**
 * Cadre side, the review: submit, the supervisor's approval or return, the 两委 meeting, publishing,
 * and corrections of a published disclosure (a new revision; the published one is never changed).
 */
import { randomUUID } from 'node:crypto';
import { isUniqueViolation, type ModuleContext, type ModuleRoute, parseInput } from '@cunmen/module-api';
import type { FastifyRequest } from 'fastify';
import {
  affairsErrors,
  approveInputSchema,
  chinaDate,
  councilInputSchema,
  emptyInputSchema,
  parsePeriod,
  reasonInputSchema,
} from '../../common/index.js';
import { requireVillageCadre } from '../access.js';
import { maskText } from '../deidentify.js';
import { T } from '../migrations.js';
import { addStep, attachmentsOf, type ItemRow, itemView, loadItem, move } from '../store.js';
import { guarded, itemFor } from './guards.js';

/** The revision's insert; a revision numbered alike by a concurrent request is the open one. */
async function revisionOnce(insert: Promise<void>): Promise<void> {
  try {
    await insert;
  } catch (err) {
    if (isUniqueViolation(err)) throw affairsErrors.error('AFFAIRS_ERR_REVISION_OPEN');
    throw err;
  }
}

async function step(
  ctx: ModuleContext,
  request: FastifyRequest,
  action: 'submit' | 'approve' | 'return' | 'council',
) {
  const { user, caller, row, to } = await guarded(ctx, request, action);
  const now = ctx.now().toISOString();
  let set: Partial<ItemRow> = { status: to };
  let note: string | null = null;
  if (action === 'submit') {
    parseInput(emptyInputSchema, request.body);
    set = { ...set, submitted_at: now, return_reason: null };
  } else if (action === 'approve') {
    note = parseInput(approveInputSchema, request.body).note || null;
    set = { ...set, reviewed_at: now, reviewed_by: user.name };
  } else if (action === 'return') {
    note = parseInput(reasonInputSchema, request.body).reason;
    set = { ...set, return_reason: note };
  } else {
    const input = parseInput(councilInputSchema, request.body);
    const submitted = chinaDate(new Date(row.submitted_at ?? now));
    if (
      !parsePeriod(input.meetingDate) ||
      input.meetingDate < submitted ||
      input.meetingDate > chinaDate(ctx.now())
    ) {
      throw affairsErrors.error('AFFAIRS_ERR_COUNCIL_DATE', { field: 'meetingDate' });
    }
    note = [input.meetingDate, input.note].filter(Boolean).join(' ');
    set = { ...set, council_date: input.meetingDate, council_by: user.name };
  }
  await ctx.db.transaction().execute(async (trx) => {
    await move(ctx, row, set, trx);
    await addStep(trx, row.id, action, user, now, note);
  });
  await ctx.audit.append({
    actor: user.name,
    action: `item.${action}`,
    subject: `item:${row.id}`,
    detail: { note },
    ip: caller.ip,
  });
  return itemView(ctx, (await loadItem(ctx, row.id)) as ItemRow, user);
}

export const reviewRoutes: ModuleRoute[] = [
  { method: 'POST', url: '/items/:id/submit', handler: (ctx, request) => step(ctx, request, 'submit') },
  { method: 'POST', url: '/items/:id/approve', handler: (ctx, request) => step(ctx, request, 'approve') },
  { method: 'POST', url: '/items/:id/return', handler: (ctx, request) => step(ctx, request, 'return') },
  { method: 'POST', url: '/items/:id/council', handler: (ctx, request) => step(ctx, request, 'council') },
  {
    method: 'POST',
    url: '/items/:id/publish',
    async handler(ctx, request) {
      const { user, caller, row, to } = await guarded(ctx, request, 'publish');
      parseInput(emptyInputSchema, request.body);
      const now = ctx.now().toISOString();
      await ctx.db.transaction().execute(async (trx) => {
        await move(ctx, row, { status: to, published_at: now, published_by: user.name }, trx);
        await addStep(trx, row.id, 'publish', user, now);
        if (row.supersedes) {
          await trx
            .updateTable(T.item)
            .set({ status: 'superseded', superseded_at: now })
            .where('id', '=', row.supersedes)
            .where('status', '=', 'published')
            .execute();
          await addStep(trx, row.supersedes, 'supersede', user, now, `→ ${row.revision}`);
        }
      });
      await ctx.audit.append({
        actor: user.name,
        action: 'item.publish',
        subject: `item:${row.id}`,
        detail: { revision: row.revision, supersedes: row.supersedes },
        ip: caller.ip,
      });
      return itemView(ctx, (await loadItem(ctx, row.id)) as ItemRow, user);
    },
  },
  {
    method: 'POST',
    url: '/items/:id/revisions',
    async handler(ctx, request, reply) {
      const { user, caller, row } = await itemFor(ctx, request);
      requireVillageCadre(user, caller, row.village);
      if (row.status === 'superseded') throw affairsErrors.error('AFFAIRS_ERR_TRANSITION');
      if (row.status !== 'published') throw affairsErrors.error('AFFAIRS_ERR_NOT_PUBLISHED', { field: 'id' });
      const { reason } = parseInput(reasonInputSchema, request.body);
      const open = await ctx.db
        .selectFrom(T.item)
        .select('id')
        .where('root_id', '=', row.root_id)
        .where('status', 'not in', ['published', 'superseded'])
        .executeTakeFirst();
      if (open) throw affairsErrors.error('AFFAIRS_ERR_REVISION_OPEN');
      const id = randomUUID();
      const now = ctx.now().toISOString();
      const attachments = await attachmentsOf(ctx, row.id);
      // Two cadres revising at once (two shell instances, or two requests of one) can both pass the check
      // above. Only the published revision can be revised and its open correction is always the next
      // number (a deleted draft frees it), so both number theirs alike and the unique (root, revision)
      // refuses the second. Numbering from max() instead let the later one take the number after.
      await revisionOnce(
        ctx.db.transaction().execute(async (trx) => {
          await trx
            .insertInto(T.item)
            .values({
              ...row,
              id,
              revision: row.revision + 1,
              supersedes: row.id,
              status: 'draft',
              created_by: user.name,
              created_at: now,
              updated_at: now,
              submitted_at: null,
              reviewed_at: null,
              reviewed_by: null,
              council_date: null,
              council_by: null,
              published_at: null,
              published_by: null,
              superseded_at: null,
              return_reason: null,
              revision_reason: maskText(reason).text,
            })
            .execute();
          for (const a of attachments) {
            await trx
              .insertInto(T.attachment)
              .values({ ...a, id: randomUUID(), item_id: id })
              .execute();
          }
          await addStep(trx, id, 'revise', user, now, maskText(reason).text);
        }),
      );
      await ctx.audit.append({
        actor: user.name,
        action: 'item.revise',
        subject: `item:${id}`,
        detail: { of: row.id, reason: maskText(reason).text },
        ip: caller.ip,
      });
      reply.code(201);
      return itemView(ctx, (await loadItem(ctx, id)) as ItemRow, user);
    },
  },
];
