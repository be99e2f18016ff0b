/**
 * Residents' side: published disclosures by category and period, their masked lists and exports, and
 * questions. Reads are public (an anonymous visitor names the village with `?village=`); asking needs a
 * signed-in resident of the village; answering a cadre of it. Only masked content is ever sent here.
 */

import { randomUUID } from 'node:crypto';
import {
  callerOf,
  type ModuleContext,
  type ModuleRoute,
  param,
  parseInput,
  query,
  requireRole,
  toCount,
  userOf,
} from '@cunmen/module-api';
import { loadExcelJs } from '@cunmen/pii';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  affairsErrors,
  answerDueAt,
  answerInputSchema,
  type Block,
  CATEGORIES,
  type CatalogueItem,
  type FinanceTable,
  isAnswerOverdue,
  isPublic,
  LIMITS,
  type PublishedSummary,
  type PublishedView,
  parsePeriod,
  type QuestionView,
  questionInputSchema,
} from '../../common/index.js';
import { canRead } from '../access.js';
import { maskText } from '../deidentify.js';
import { exportCsv, exportXlsx, toCsv } from '../export.js';
import { T } from '../migrations.js';
import { answeredNotice, tell } from '../notices.js';
import {
  answerDaysFor,
  attachmentsOf,
  attachmentView,
  type ItemRow,
  isId,
  loadItem,
  publicQuestion,
  type QuestionRow,
} from '../store.js';

/** The village a public read is about: the caller's portal, or `?village=` with no credential. */
export function publicVillage(request: FastifyRequest): string {
  if (request.moduleCaller) return request.moduleCaller.village;
  const v = query(request).village;
  if (!v || !/^\d{12}$/.test(v))
    throw affairsErrors.error('AFFAIRS_ERR_VILLAGE_REQUIRED', { field: 'village' });
  return v;
}

async function publishedRow(ctx: ModuleContext, request: FastifyRequest): Promise<ItemRow> {
  const village = publicVillage(request);
  const row = await loadItem(ctx, param(request, 'id'));
  if (!row || row.village !== village || !isPublic(row.status))
    throw affairsErrors.error('AFFAIRS_ERR_ITEM_NOT_FOUND', { field: 'id' });
  return row;
}

async function publishedView(ctx: ModuleContext, row: ItemRow): Promise<PublishedView> {
  const catalogue = JSON.parse(row.catalogue) as CatalogueItem;
  const revisions = (await ctx.db
    .selectFrom(T.item)
    .selectAll()
    .where('root_id', '=', row.root_id)
    .where('status', 'in', ['published', 'superseded'])
    .orderBy('revision', 'desc')
    .execute()) as ItemRow[];
  const questions = (await ctx.db
    .selectFrom(T.question)
    .selectAll()
    .where('root_id', '=', row.root_id)
    .orderBy('asked_at', 'desc')
    .execute()) as QuestionRow[];
  const now = ctx.now();
  return {
    id: row.id,
    rootId: row.root_id,
    revision: row.revision,
    status: row.status as 'published' | 'superseded',
    catalogueTitle: catalogue.title,
    basis: catalogue.basis,
    category: row.category,
    period: row.period,
    title: row.title,
    blocks: JSON.parse(row.blocks) as Block[],
    finance: row.finance ? (JSON.parse(row.finance) as FinanceTable) : null,
    attachments: (await attachmentsOf(ctx, row.id)).map((a) => attachmentView(a, 100)),
    publishedAt: row.published_at ?? '',
    reviewedAt: row.reviewed_at,
    councilDate: row.council_date,
    revisionReason: row.revision_reason,
    history: revisions.map((r) => ({
      id: r.id,
      revision: r.revision,
      status: r.status as 'published' | 'superseded',
      publishedAt: r.published_at ?? '',
      reason: r.revision_reason,
    })),
    questions: questions.map((q) => publicQuestion(q, now)),
    answerDays: await answerDaysFor(ctx, row.village),
  };
}

async function fullLists(ctx: ModuleContext, row: ItemRow) {
  return (await attachmentsOf(ctx, row.id)).map(
    (a) => JSON.parse(a.sheets) as { name: string; rows: string[][] }[],
  );
}

const listQuery = z.object({
  category: z.enum(CATEGORIES).optional(),
  period: z.string().max(10).optional(),
  village: z.string().optional(),
});

export function questionView(q: QuestionRow, itemTitle: string, now: Date): QuestionView {
  return { ...publicQuestion(q, now), itemId: q.item_id, itemTitle, village: q.village };
}

export const publicRoutes: ModuleRoute[] = [
  {
    method: 'GET',
    url: '/published',
    async handler(ctx, request) {
      const village = publicVillage(request);
      const q = parseInput(listQuery, query(request), 'query');
      const period = q.period ? parsePeriod(q.period) : null;
      if (q.period && !period) throw affairsErrors.error('AFFAIRS_ERR_PERIOD', { field: 'period' });
      let sel = ctx.db
        .selectFrom(T.item)
        .selectAll()
        .where('village', '=', village)
        .where('status', '=', 'published');
      if (q.category) sel = sel.where('category', '=', q.category);
      const rows = (await sel.orderBy('published_at', 'desc').limit(500).execute()) as ItemRow[];
      const items: PublishedSummary[] = rows
        .filter((r) => {
          if (!period) return true;
          const p = parsePeriod(r.period);
          return p !== null && p.start <= period.end && p.end >= period.start;
        })
        .map((r) => ({
          id: r.id,
          rootId: r.root_id,
          revision: r.revision,
          catalogueTitle: (JSON.parse(r.catalogue) as CatalogueItem).title,
          category: r.category,
          period: r.period,
          title: r.title,
          publishedAt: r.published_at ?? '',
        }));
      return { village, items };
    },
  },
  {
    method: 'GET',
    url: '/published/:id',
    async handler(ctx, request) {
      return publishedView(ctx, await publishedRow(ctx, request));
    },
  },
  {
    method: 'GET',
    url: '/published/:id/attachments/:aid',
    async handler(ctx, request, reply) {
      const row = await publishedRow(ctx, request);
      const aid = param(request, 'aid');
      const a = isId(aid) ? (await attachmentsOf(ctx, row.id)).find((x) => x.id === aid) : undefined;
      if (!a) throw affairsErrors.error('AFFAIRS_ERR_ATTACHMENT_NOT_FOUND', { field: 'aid' });
      const disposition = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;
      reply.header('cache-control', 'private, max-age=300');
      if (a.kind === 'image' || a.kind === 'pdf') {
        // Not machine-checkable: the uploader confirmed it holds no personal data; reviewers were warned.
        const bytes = await ctx.blobs.get(a.original_sha);
        if (!bytes) throw affairsErrors.error('AFFAIRS_ERR_ATTACHMENT_NOT_FOUND', { field: 'aid' });
        reply.header('content-type', a.mime).header('content-disposition', disposition(a.filename));
        return bytes;
      }
      const sheets = JSON.parse(a.sheets) as { name: string; rows: string[][] }[];
      if (a.kind === 'csv') {
        reply.header('content-type', a.mime).header('content-disposition', disposition(a.filename));
        return toCsv(sheets.flatMap((s) => s.rows));
      }
      const wb = new (await loadExcelJs()).Workbook();
      sheets.forEach((s, i) => {
        wb.addWorksheet(s.name.slice(0, 28) || `Sheet${i + 1}`).addRows(s.rows);
      });
      reply.header('content-type', a.mime).header('content-disposition', disposition(a.filename));
      return Buffer.from(await wb.xlsx.writeBuffer());
    },
  },
  {
    method: 'GET',
    url: '/published/:id/export.xlsx',
    async handler(ctx, request, reply) {
      const row = await publishedRow(ctx, request);
      const bytes = await exportXlsx(await publishedView(ctx, row), await fullLists(ctx, row));
      reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(`${row.title}.xlsx`)}`,
        );
      return bytes;
    },
  },
  {
    method: 'GET',
    url: '/published/:id/export.csv',
    async handler(ctx, request, reply) {
      const row = await publishedRow(ctx, request);
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(`${row.title}.csv`)}`,
        );
      return exportCsv(await publishedView(ctx, row), await fullLists(ctx, row));
    },
  },
  {
    method: 'POST',
    url: '/published/:id/questions',
    async handler(ctx, request, reply) {
      const caller = callerOf(request);
      const user = userOf(request);
      requireRole(user, ['resident'], caller.village);
      const row = await loadItem(ctx, param(request, 'id'));
      if (!row || row.village !== caller.village)
        throw affairsErrors.error('AFFAIRS_ERR_ITEM_NOT_FOUND', { field: 'id' });
      if (row.status !== 'published') throw affairsErrors.error('AFFAIRS_ERR_NOT_PUBLISHED', { field: 'id' });
      const input = parseInput(questionInputSchema, request.body);
      const now = ctx.now().toISOString();
      const recent = await ctx.db
        .selectFrom(T.question)
        .select((eb) => eb.fn.countAll().as('n'))
        .where('asked_by', '=', user.name)
        .where('asked_at', '>', new Date(ctx.now().getTime() - 86_400_000).toISOString())
        .executeTakeFirst();
      if (toCount(recent?.n) >= LIMITS.questionsPerDay)
        throw affairsErrors.error('AFFAIRS_ERR_TOO_MANY_QUESTIONS');
      const id = randomUUID();
      const days = await answerDaysFor(ctx, row.village);
      const question: QuestionRow = {
        id,
        item_id: row.id,
        root_id: row.root_id,
        village: row.village,
        asked_by: user.name,
        asked_by_id: user.id,
        asked_at: now,
        due_at: answerDueAt(now, days),
        text: maskText(input.text).text,
        answer: null,
        answered_by: null,
        answered_at: null,
      };
      await ctx.db.insertInto(T.question).values(question).execute();
      await ctx.audit.append({
        actor: user.name,
        action: 'question.ask',
        subject: `question:${id}`,
        detail: { item: row.id },
        ip: caller.ip,
      });
      reply.code(201);
      return publicQuestion(question, ctx.now());
    },
  },
  {
    method: 'GET',
    url: '/questions',
    async handler(ctx, request) {
      const caller = callerOf(request);
      const user = userOf(request);
      canRead(user, caller.village);
      const { open } = parseInput(
        z.object({ open: z.enum(['true', 'false']).optional() }),
        query(request),
        'query',
      );
      let sel = ctx.db
        .selectFrom(`${T.question} as q`)
        .innerJoin(`${T.item} as i`, 'i.id', 'q.item_id')
        .selectAll('q')
        .select('i.title as item_title')
        .where('q.village', '=', caller.village);
      if (open === 'true') sel = sel.where('q.answered_at', 'is', null);
      const rows = await sel.orderBy('q.due_at').limit(500).execute();
      const now = ctx.now();
      return {
        questions: rows.map((r) => questionView(r as unknown as QuestionRow, String(r.item_title), now)),
      };
    },
  },
  {
    method: 'POST',
    url: '/questions/:id/answer',
    async handler(ctx, request) {
      const caller = callerOf(request);
      const user = userOf(request);
      const id = param(request, 'id');
      const q = isId(id)
        ? ((await ctx.db.selectFrom(T.question).selectAll().where('id', '=', id).executeTakeFirst()) as
            | QuestionRow
            | undefined)
        : undefined;
      if (!q) throw affairsErrors.error('AFFAIRS_ERR_QUESTION_NOT_FOUND', { field: 'id' });
      requireRole(user, ['village-cadre'], q.village);
      if (caller.village !== q.village)
        throw affairsErrors.error('AFFAIRS_ERR_QUESTION_NOT_FOUND', { field: 'id' });
      if (q.answered_at !== null) throw affairsErrors.error('AFFAIRS_ERR_ALREADY_ANSWERED');
      const input = parseInput(answerInputSchema, request.body);
      const now = ctx.now().toISOString();
      const result = await ctx.db
        .updateTable(T.question)
        .set({ answer: maskText(input.text).text, answered_by: user.name, answered_at: now })
        .where('id', '=', id)
        .where('answered_at', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw affairsErrors.error('AFFAIRS_ERR_ALREADY_ANSWERED');
      const late = isAnswerOverdue({ dueAt: q.due_at, answeredAt: null }, ctx.now());
      await ctx.audit.append({
        actor: user.name,
        action: 'question.answer',
        subject: `question:${id}`,
        detail: { late },
        ip: caller.ip,
      });
      const item = await loadItem(ctx, q.item_id);
      await tell(ctx, answeredNotice(q, item?.title ?? ''));
      return questionView(
        { ...q, answer: maskText(input.text).text, answered_by: user.name, answered_at: now },
        item?.title ?? '',
        ctx.now(),
      );
    },
  },
];
