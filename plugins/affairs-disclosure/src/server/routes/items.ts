/**
 * Cadre side, the drafts: the village's list, drafting, editing and deleting a draft, and the masked
 * preview with the count of what was masked. Drafting needs a cadre of the item's village in its own
 * console.
 */
import { randomUUID } from 'node:crypto';
import { callerOf, type ModuleRoute, parseInput, query, userOf } from '@cunmen/module-api';
import { z } from 'zod';
import {
  affairsErrors,
  type CatalogueItem,
  chinaDate,
  draftInputSchema,
  type PreviewAnswer,
  parsePeriod,
  periodFitsCadence,
  STATUSES,
  updateInputSchema,
} from '../../common/index.js';
import { canRead, requireVillageCadre } from '../access.js';
import { prepareContent } from '../content.js';
import { T } from '../migrations.js';
import {
  addStep,
  attachmentsOf,
  catalogueOf,
  type ItemRow,
  itemSummary,
  itemView,
  loadItem,
  move,
  namesOf,
  warningsOf,
} from '../store.js';
import { guarded, itemFor } from './guards.js';

const statusQuery = z.object({ status: z.enum(STATUSES).optional() });

export const itemRoutes: ModuleRoute[] = [
  {
    method: 'GET',
    url: '/items',
    async handler(ctx, request) {
      const caller = callerOf(request);
      const user = userOf(request);
      canRead(user, caller.village);
      const { status } = parseInput(statusQuery, query(request), 'query');
      let q = ctx.db.selectFrom(T.item).selectAll().where('village', '=', caller.village);
      if (status) q = q.where('status', '=', status);
      const rows = (await q.orderBy('updated_at', 'desc').limit(300).execute()) as ItemRow[];
      return { items: rows.map((r) => itemSummary(r, user, r.published_at)) };
    },
  },
  {
    method: 'POST',
    url: '/items',
    async handler(ctx, request, reply) {
      const caller = callerOf(request);
      const user = userOf(request);
      requireVillageCadre(user, caller, caller.village);
      const input = parseInput(draftInputSchema, request.body);
      const item = (await catalogueOf(ctx, caller.village)).find((i) => i.key === input.catalogueKey);
      if (!item) throw affairsErrors.error('AFFAIRS_ERR_CATALOGUE_ITEM', { field: 'catalogueKey' });
      const period = parsePeriod(input.period);
      if (!period || !periodFitsCadence(item.cadence, input.period) || period.start > chinaDate(ctx.now())) {
        throw affairsErrors.error('AFFAIRS_ERR_PERIOD', { field: 'period' });
      }
      if (item.cadence !== 'immediate') {
        const existing = await ctx.db
          .selectFrom(T.item)
          .select('id')
          .where('village', '=', caller.village)
          .where('catalogue_key', '=', item.key)
          .where('period', '=', input.period)
          .executeTakeFirst();
        if (existing) throw affairsErrors.error('AFFAIRS_ERR_DUPLICATE', { field: 'period' });
      }
      const content = prepareContent(input, item);
      const id = randomUUID();
      const now = ctx.now().toISOString();
      await ctx.db.transaction().execute(async (trx) => {
        await trx
          .insertInto(T.item)
          .values({
            id,
            root_id: id,
            revision: 1,
            supersedes: null,
            village: caller.village,
            catalogue_key: item.key,
            catalogue: JSON.stringify(item),
            category: item.category,
            period: input.period,
            status: 'draft',
            ...content,
            created_by: user.name,
            created_at: now,
            updated_at: now,
          })
          .execute();
        await addStep(trx, id, 'create', user, now);
      });
      await ctx.audit.append({
        actor: user.name,
        action: 'item.create',
        subject: `item:${id}`,
        detail: { key: item.key, period: input.period },
        ip: caller.ip,
      });
      reply.code(201);
      return itemView(ctx, (await loadItem(ctx, id)) as ItemRow, user);
    },
  },
  {
    method: 'GET',
    url: '/items/:id',
    async handler(ctx, request) {
      const { user, row } = await itemFor(ctx, request);
      return itemView(ctx, row, user);
    },
  },
  {
    method: 'PUT',
    url: '/items/:id',
    async handler(ctx, request) {
      const { user, caller, row } = await guarded(ctx, request, 'edit');
      const input = parseInput(updateInputSchema, request.body);
      const content = prepareContent(
        input,
        JSON.parse(row.catalogue) as CatalogueItem,
        namesOf(await attachmentsOf(ctx, row.id)),
      );
      const now = ctx.now().toISOString();
      await ctx.db.transaction().execute(async (trx) => {
        await move(ctx, row, content, trx);
        await addStep(trx, row.id, 'edit', user, now);
      });
      await ctx.audit.append({
        actor: user.name,
        action: 'item.update',
        subject: `item:${row.id}`,
        ip: caller.ip,
      });
      return itemView(ctx, (await loadItem(ctx, row.id)) as ItemRow, user);
    },
  },
  {
    method: 'DELETE',
    url: '/items/:id',
    async handler(ctx, request) {
      const { user, caller, row } = await guarded(ctx, request, 'delete');
      await ctx.db.transaction().execute(async (trx) => {
        const result = await trx
          .deleteFrom(T.item)
          .where('id', '=', row.id)
          .where('status', 'in', ['draft', 'returned'])
          .executeTakeFirst();
        if (Number(result.numDeletedRows) !== 1) throw affairsErrors.error('AFFAIRS_ERR_TRANSITION');
        await trx.deleteFrom(T.attachment).where('item_id', '=', row.id).execute();
        await trx.deleteFrom(T.step).where('item_id', '=', row.id).execute();
      });
      await ctx.audit.append({
        actor: user.name,
        action: 'item.delete',
        subject: `item:${row.id}`,
        detail: { title: row.title },
        ip: caller.ip,
      });
      return { deleted: row.id };
    },
  },
  {
    method: 'GET',
    url: '/items/:id/preview',
    async handler(ctx, request): Promise<PreviewAnswer> {
      const { user, row } = await itemFor(ctx, request);
      const item = await itemView(ctx, row, user);
      const lists = item.attachments.reduce((s, a) => s + a.masked, 0);
      return {
        item,
        masked: {
          text: row.masked_text,
          finance: row.masked_finance,
          lists,
          total: row.masked_text + row.masked_finance + lists,
        },
        warnings: warningsOf(await attachmentsOf(ctx, row.id)),
      };
    },
  },
];
