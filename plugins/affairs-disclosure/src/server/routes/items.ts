/**
 * Cadre side: drafts, attachments, the masked preview, the review steps, corrections and the audited
 * originals. Drafting and the village's steps need a cadre of the item's village in its own console;
 * reads are open to the village's cadres and supervisors and to township and county staff above it.
 */
import { randomUUID } from 'node:crypto';
import {
  callerOf,
  type ModuleCaller,
  type ModuleContext,
  type ModuleUser,
  parseInput,
  userOf,
} from '@cunmen/module-api';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  type Action,
  affairsErrors,
  approveInputSchema,
  type CatalogueItem,
  chinaDate,
  councilInputSchema,
  draftInputSchema,
  emptyInputSchema,
  LIMITS,
  type OriginalAnswer,
  type PreviewAnswer,
  parsePeriod,
  periodFitsCadence,
  reasonInputSchema,
  STATUSES,
  transition,
  updateInputSchema,
} from '../../common/index.js';
import { actorRole, canRead, requireVillageCadre } from '../access.js';
import { prepareContent, remaskContent } from '../content.js';
import { maskList, maskText, namesInList } from '../deidentify.js';
import { checkFile, UPLOAD_BODY_LIMIT } from '../files.js';
import { T } from '../migrations.js';
import {
  addStep,
  attachmentsOf,
  attachmentView,
  catalogueOf,
  type ItemRow,
  isId,
  itemSummary,
  itemView,
  loadItem,
  namesOf,
  warningsOf,
} from '../store.js';
import { param, query, type RouteSpec } from './types.js';

async function itemFor(
  ctx: ModuleContext,
  request: FastifyRequest,
): Promise<{ user: ModuleUser; caller: ModuleCaller; row: ItemRow }> {
  const caller = callerOf(request);
  const user = userOf(request);
  const row = await loadItem(ctx, param(request, 'id'));
  if (!row) throw affairsErrors.error('AFFAIRS_ERR_ITEM_NOT_FOUND', { field: 'id' });
  canRead(user, row.village);
  return { user, caller, row };
}

/** The item, if `action` by this user is allowed on it now; throws the coded reason otherwise. */
async function guarded(ctx: ModuleContext, request: FastifyRequest, action: Action) {
  const found = await itemFor(ctx, request);
  const { user, caller, row } = found;
  const result = transition(row.status, action, actorRole(user), row.created_by === user.name);
  if (!result.ok) throw affairsErrors.error(result.error);
  if (caller.village !== row.village || user.division !== row.village)
    throw affairsErrors.error('AFFAIRS_ERR_ITEM_NOT_FOUND', { field: 'id' });
  return { ...found, to: result.to };
}

/** Moves the revision from its current status only (two supervisors approving at once: one wins). */
async function move(ctx: ModuleContext, row: ItemRow, set: Partial<ItemRow>, db = ctx.db): Promise<void> {
  const result = await db
    .updateTable(T.item)
    .set({ ...set, updated_at: ctx.now().toISOString() })
    .where('id', '=', row.id)
    .where('status', '=', row.status)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw affairsErrors.error('AFFAIRS_ERR_TRANSITION');
}

const statusQuery = z.object({ status: z.enum(STATUSES).optional() });

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

export const itemRoutes: RouteSpec[] = [
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
    method: 'POST',
    url: '/items/:id/attachments',
    bodyLimit: UPLOAD_BODY_LIMIT,
    async handler(ctx, request, reply) {
      const { user, caller, row } = await guarded(ctx, request, 'edit');
      const existing = await attachmentsOf(ctx, row.id);
      if (existing.length >= LIMITS.attachments)
        throw affairsErrors.error('AFFAIRS_ERR_TOO_MANY_FILES', { field: 'file' });
      const file = checkFile(request.headers['x-filename'], request.body);
      const confirmed = query(request).confirmNoPersonalData === 'true';
      const catalogue = JSON.parse(row.catalogue) as CatalogueItem;
      let sheets: { name: string; rows: string[][] }[] = [];
      let masked = 0;
      let names: string[] = [];
      if (file.kind === 'xlsx' || file.kind === 'csv') {
        ({ sheets, masked } = await maskList(file.kind, file.bytes, catalogue.maskNames));
        if (catalogue.maskNames) names = await namesInList(file.kind, file.bytes);
      } else if (!confirmed) {
        throw affairsErrors.error('AFFAIRS_ERR_CONFIRM_REQUIRED', { field: 'confirmNoPersonalData' });
      }
      const allNames = [...new Set([...namesOf(existing), ...names])];
      const name = maskText(file.filename, allNames);
      const sha = await ctx.blobs.put(file.bytes);
      const id = randomUUID();
      const now = ctx.now().toISOString();
      await ctx.db.transaction().execute(async (trx) => {
        await trx
          .insertInto(T.attachment)
          .values({
            id,
            item_id: row.id,
            seq: existing.length === 0 ? 1 : Math.max(...existing.map((a) => a.seq)) + 1,
            filename: name.text,
            kind: file.kind,
            mime: file.mime,
            size: file.bytes.length,
            original_sha: sha,
            sheets: JSON.stringify(sheets),
            names: JSON.stringify(names),
            masked: masked + name.masked,
            unchecked: file.kind === 'image' || file.kind === 'pdf' ? 1 : 0,
            uploaded_by: user.name,
            uploaded_at: now,
          })
          .execute();
        await move(ctx, row, names.length ? remaskContent(row, catalogue, allNames) : {}, trx);
        await addStep(trx, row.id, 'edit', user, now, `+ ${name.text}`);
      });
      await ctx.audit.append({
        actor: user.name,
        action: 'attachment.add',
        subject: `item:${row.id}`,
        detail: { attachment: id, kind: file.kind, size: file.bytes.length, sha256: sha, masked },
        ip: caller.ip,
      });
      const stored = (await attachmentsOf(ctx, row.id)).find((a) => a.id === id);
      reply.code(201);
      return stored ? attachmentView(stored) : null;
    },
  },
  {
    method: 'DELETE',
    url: '/items/:id/attachments/:aid',
    async handler(ctx, request) {
      const { user, caller, row } = await guarded(ctx, request, 'edit');
      const aid = param(request, 'aid');
      const attachment = (await attachmentsOf(ctx, row.id)).find((a) => a.id === aid);
      if (!attachment) throw affairsErrors.error('AFFAIRS_ERR_ATTACHMENT_NOT_FOUND', { field: 'aid' });
      const now = ctx.now().toISOString();
      // Read before the transaction: SQLite has one connection, which the transaction holds.
      const rest = namesOf((await attachmentsOf(ctx, row.id)).filter((a) => a.id !== aid));
      await ctx.db.transaction().execute(async (trx) => {
        await move(ctx, row, remaskContent(row, JSON.parse(row.catalogue) as CatalogueItem, rest), trx);
        await trx.deleteFrom(T.attachment).where('id', '=', aid).where('item_id', '=', row.id).execute();
        await addStep(trx, row.id, 'edit', user, now, `− ${attachment.filename}`);
      });
      await ctx.audit.append({
        actor: user.name,
        action: 'attachment.remove',
        subject: `item:${row.id}`,
        detail: { attachment: aid },
        ip: caller.ip,
      });
      return { deleted: aid };
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
      const last = await ctx.db
        .selectFrom(T.item)
        .select((eb) => eb.fn.max('revision').as('revision'))
        .where('root_id', '=', row.root_id)
        .executeTakeFirst();
      const id = randomUUID();
      const now = ctx.now().toISOString();
      const attachments = await attachmentsOf(ctx, row.id);
      await ctx.db.transaction().execute(async (trx) => {
        await trx
          .insertInto(T.item)
          .values({
            ...row,
            id,
            revision: Number(last?.revision ?? row.revision) + 1,
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
      });
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
  {
    method: 'GET',
    url: '/items/:id/original',
    async handler(ctx, request): Promise<OriginalAnswer> {
      const { user, caller, row } = await itemFor(ctx, request);
      await ctx.audit.append({
        actor: user.name,
        action: 'original.view',
        subject: `item:${row.id}`,
        detail: { role: user.role },
        ip: caller.ip,
      });
      const attachments = await attachmentsOf(ctx, row.id);
      return {
        id: row.id,
        title: row.title_original,
        body: row.body_original,
        finance: row.finance_original ? JSON.parse(row.finance_original) : null,
        attachments: attachments.map((a) => ({ id: a.id, filename: a.filename, kind: a.kind, size: a.size })),
      };
    },
  },
  {
    method: 'GET',
    url: '/items/:id/original/attachments/:aid',
    async handler(ctx, request, reply) {
      const { user, caller, row } = await itemFor(ctx, request);
      const aid = param(request, 'aid');
      const attachment = isId(aid) ? (await attachmentsOf(ctx, row.id)).find((a) => a.id === aid) : undefined;
      if (!attachment) throw affairsErrors.error('AFFAIRS_ERR_ATTACHMENT_NOT_FOUND', { field: 'aid' });
      const bytes = await ctx.blobs.get(attachment.original_sha);
      if (!bytes) throw affairsErrors.error('AFFAIRS_ERR_ATTACHMENT_NOT_FOUND', { field: 'aid' });
      await ctx.audit.append({
        actor: user.name,
        action: 'original.download',
        subject: `item:${row.id}`,
        detail: { attachment: aid, role: user.role },
        ip: caller.ip,
      });
      reply
        .header('content-type', attachment.mime)
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`,
        );
      return bytes;
    },
  },
];
