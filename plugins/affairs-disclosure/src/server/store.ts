/** Rows of the module's tables and how they become answers. Queries go through Kysely's builder only. */
import type { ModuleContext, ModuleUser } from '@cunmen/module-api';
import {
  type AttachmentView,
  affairsErrors,
  availableActions,
  type Block,
  type CatalogueItem,
  type Category,
  DEFAULT_ANSWER_DAYS,
  deadlineOf,
  effectiveCatalogue,
  type FinanceTable,
  type ItemSummary,
  type ItemView,
  isAnswerOverdue,
  type PublicQuestion,
  provinceOf,
  type Status,
  type Step,
  type Warning,
} from '../common/index.js';
import { actorRole } from './access.js';
import { previewSheets } from './deidentify.js';
import { T } from './migrations.js';

export interface ItemRow {
  id: string;
  root_id: string;
  revision: number;
  supersedes: string | null;
  village: string;
  catalogue_key: string;
  catalogue: string;
  category: Category;
  period: string;
  status: Status;
  title_original: string;
  title: string;
  body_original: string;
  blocks: string;
  finance_original: string | null;
  finance: string | null;
  masked_text: number;
  masked_finance: number;
  created_by: string;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  reviewed_at: string | null;
  reviewed_by: string | null;
  council_date: string | null;
  council_by: string | null;
  published_at: string | null;
  published_by: string | null;
  superseded_at: string | null;
  return_reason: string | null;
  revision_reason: string | null;
}

export interface AttachmentRow {
  id: string;
  item_id: string;
  seq: number;
  filename: string;
  kind: AttachmentView['kind'];
  mime: string;
  size: number;
  original_sha: string;
  sheets: string;
  names: string;
  masked: number;
  unchecked: number;
  uploaded_by: string;
  uploaded_at: string;
}

export interface QuestionRow {
  id: string;
  item_id: string;
  root_id: string;
  village: string;
  asked_by: string;
  /** The asker's account id (null for questions asked before notices existed). */
  asked_by_id?: number | null;
  asked_at: string;
  due_at: string;
  text: string;
  answer: string | null;
  answered_by: string | null;
  answered_at: string | null;
}

interface CatalogueRow {
  scope: string;
  key: string;
  category: Category;
  title: string;
  basis: string;
  cadence: CatalogueItem['cadence'];
  deadline: string;
  owner: string;
  mask_names: number;
}

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const isId = (s: string) => ID.test(s);

export function catalogueFromRow(r: CatalogueRow): CatalogueItem {
  return {
    key: r.key,
    scope: r.scope,
    category: r.category,
    title: r.title,
    basis: r.basis,
    cadence: r.cadence,
    deadline: JSON.parse(r.deadline),
    owner: r.owner,
    maskNames: r.mask_names === 1,
  };
}

/** The catalogue rows that apply to any village under `prefix` (its province, county and villages). */
export async function storedCatalogue(ctx: ModuleContext, prefix: string): Promise<CatalogueItem[]> {
  const rows = (await ctx.db
    .selectFrom(T.catalogue)
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('scope', '=', provinceOf(prefix)),
        eb('scope', '=', prefix.slice(0, 6)),
        eb('scope', 'like', `${prefix}%`),
      ]),
    )
    .execute()) as CatalogueRow[];
  return rows.map(catalogueFromRow);
}

export async function catalogueOf(ctx: ModuleContext, village: string): Promise<CatalogueItem[]> {
  return effectiveCatalogue(village, await storedCatalogue(ctx, village));
}

export async function loadItem(ctx: ModuleContext, id: string): Promise<ItemRow | null> {
  if (!isId(id)) return null;
  return (
    ((await ctx.db.selectFrom(T.item).selectAll().where('id', '=', id).executeTakeFirst()) as ItemRow) ?? null
  );
}

export async function attachmentsOf(ctx: ModuleContext, itemId: string): Promise<AttachmentRow[]> {
  return (await ctx.db
    .selectFrom(T.attachment)
    .selectAll()
    .where('item_id', '=', itemId)
    .orderBy('seq')
    .execute()) as AttachmentRow[];
}

export async function stepsOf(ctx: ModuleContext, itemId: string): Promise<Step[]> {
  const rows = await ctx.db
    .selectFrom(T.step)
    .selectAll()
    .where('item_id', '=', itemId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({
    action: r.action,
    actor: r.actor,
    role: r.role,
    at: r.at,
    note: r.note ?? null,
  }));
}

/** Appends a workflow step (who, in which role, when). */
export async function addStep(
  db: ModuleContext['db'],
  itemId: string,
  action: Step['action'],
  user: ModuleUser,
  at: string,
  note: string | null = null,
): Promise<void> {
  const last = await db
    .selectFrom(T.step)
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('item_id', '=', itemId)
    .executeTakeFirst();
  await db
    .insertInto(T.step)
    .values({
      item_id: itemId,
      seq: Number(last?.seq ?? 0) + 1,
      action,
      actor: user.name,
      role: user.role,
      at,
      note,
    })
    .execute();
}

export function attachmentView(a: AttachmentRow, rows = 50): AttachmentView {
  return {
    id: a.id,
    filename: a.filename,
    kind: a.kind,
    size: a.size,
    masked: a.masked,
    unchecked: a.unchecked === 1,
    sheets: previewSheets(JSON.parse(a.sheets), rows),
  };
}

export function warningsOf(attachments: AttachmentRow[]): Warning[] {
  return attachments
    .filter((a) => a.unchecked === 1)
    .map((a) => ({ code: 'unchecked-file', filename: a.filename }));
}

export async function itemView(ctx: ModuleContext, row: ItemRow, user: ModuleUser): Promise<ItemView> {
  const catalogue = JSON.parse(row.catalogue) as CatalogueItem;
  const attachments = await attachmentsOf(ctx, row.id);
  const lists = attachments.reduce((s, a) => s + a.masked, 0);
  return {
    id: row.id,
    rootId: row.root_id,
    revision: row.revision,
    village: row.village,
    catalogueKey: row.catalogue_key,
    catalogueTitle: catalogue.title,
    category: row.category,
    maskNames: catalogue.maskNames,
    period: row.period,
    deadline: deadlineOf(catalogue.deadline, row.period),
    status: row.status,
    title: row.title,
    blocks: JSON.parse(row.blocks) as Block[],
    finance: row.finance ? (JSON.parse(row.finance) as FinanceTable) : null,
    attachments: attachments.map((a) => attachmentView(a)),
    masked: row.masked_text + row.masked_finance + lists,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    councilDate: row.council_date,
    returnReason: row.return_reason,
    revisionReason: row.revision_reason,
    steps: await stepsOf(ctx, row.id),
    actions: actionsFor(row, user),
    warnings: warningsOf(attachments),
  };
}

export function actionsFor(row: ItemRow, user: ModuleUser): ItemView['actions'] {
  if (user.division !== row.village) return [];
  return availableActions(row.status, actorRole(user), row.created_by === user.name);
}

export function itemSummary(row: ItemRow, user: ModuleUser, publishedAt: string | null): ItemSummary {
  return {
    id: row.id,
    rootId: row.root_id,
    revision: row.revision,
    catalogueKey: row.catalogue_key,
    catalogueTitle: (JSON.parse(row.catalogue) as CatalogueItem).title,
    category: row.category,
    period: row.period,
    title: row.title,
    status: row.status,
    updatedAt: row.updated_at,
    publishedAt,
    actions: actionsFor(row, user),
  };
}

export function publicQuestion(q: QuestionRow, now: Date): PublicQuestion {
  return {
    id: q.id,
    text: q.text,
    askedAt: q.asked_at,
    dueAt: q.due_at,
    answer: q.answer,
    answeredAt: q.answered_at,
    overdue: isAnswerOverdue({ dueAt: q.due_at, answeredAt: q.answered_at }, now),
  };
}

/** The answer limit in days for a village: its county's setting, else its province's, else 10. */
export async function answerDaysFor(ctx: ModuleContext, village: string): Promise<number> {
  const rows = await ctx.db
    .selectFrom(T.settings)
    .select(['scope', 'answer_days'])
    .where('scope', 'in', [village.slice(0, 6), provinceOf(village)])
    .execute();
  const county = rows.find((r) => r.scope === village.slice(0, 6));
  const province = rows.find((r) => r.scope === provinceOf(village));
  return Number(county?.answer_days ?? province?.answer_days ?? DEFAULT_ANSWER_DAYS);
}

/** The names (from `maskNames` lists) to mask in a revision's text. */
export function namesOf(attachments: AttachmentRow[]): string[] {
  return [...new Set(attachments.flatMap((a) => JSON.parse(a.names) as string[]))];
}

/** Moves the revision from its current status only (two supervisors approving at once: one wins). */
export async function move(
  ctx: ModuleContext,
  row: ItemRow,
  set: Partial<ItemRow>,
  db = ctx.db,
): Promise<void> {
  const result = await db
    .updateTable(T.item)
    .set({ ...set, updated_at: ctx.now().toISOString() })
    .where('id', '=', row.id)
    .where('status', '=', row.status)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw affairsErrors.error('AFFAIRS_ERR_TRANSITION');
}
