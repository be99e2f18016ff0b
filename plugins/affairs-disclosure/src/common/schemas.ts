/** The API: zod schemas of request bodies (checked on the server) and the types of its answers. */
import { z } from 'zod';
import type { Block } from './blocks.js';
import type { CatalogueItem } from './catalogue.js';
import type { DueCounts, DueRow } from './dashboard.js';
import {
  type Action,
  ATTACHMENT_KINDS,
  type AttachmentKind,
  CADENCES,
  CATEGORIES,
  type Category,
  type Status,
} from './enums.js';
import type { FinanceTable } from './finance.js';
import { LIMITS } from './limits.js';

export { LIMITS };

const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const fen = z.number().int().min(-LIMITS.amount).max(LIMITS.amount);

export const deadlineRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('after-period'), day: z.number().int().min(1).max(28) }).strict(),
  z.object({ kind: z.literal('after-event'), days: z.number().int().min(1).max(60) }).strict(),
]);

export const catalogueInputSchema = z
  .object({
    category: z.enum(CATEGORIES),
    title: text(2, 40),
    basis: text(2, 200),
    cadence: z.enum(CADENCES),
    deadline: deadlineRuleSchema,
    owner: text(1, 40),
    maskNames: z.boolean().default(false),
    /** Province only: the key of a built-in item this one replaces. */
    replaces: z
      .string()
      .regex(/^[a-z0-9-]{2,40}$/)
      .optional(),
  })
  .strict()
  .refine((c) => (c.cadence === 'immediate') === (c.deadline.kind === 'after-event'), {
    path: ['deadline'],
    message: 'items due at once take an after-event deadline, the others an after-period one',
  });
export type CatalogueInput = z.infer<typeof catalogueInputSchema>;

export const financeTableSchema = z
  .object({
    openingBalance: fen,
    rows: z
      .array(
        z
          .object({
            subject: text(1, 100),
            income: z.number().int().min(0).max(LIMITS.amount),
            expenditure: z.number().int().min(0).max(LIMITS.amount),
          })
          .strict(),
      )
      .min(1)
      .max(LIMITS.financeRows),
    closingBalance: fen,
  })
  .strict();

const content = {
  title: text(2, LIMITS.title),
  body: text(1, LIMITS.body),
  finance: financeTableSchema.nullable().optional(),
};

export const draftInputSchema = z
  .object({
    catalogueKey: z.string().min(1).max(60),
    /** The period key (`2026-Q3`, `2026-10`, `2026-H2`, `2026`), or the event day for items due at once. */
    period: z.string().min(4).max(10),
    ...content,
  })
  .strict();
export type DraftInput = z.infer<typeof draftInputSchema>;

export const updateInputSchema = z.object(content).strict();
export type UpdateInput = z.infer<typeof updateInputSchema>;

export const reasonInputSchema = z.object({ reason: text(2, LIMITS.reason) }).strict();
export const approveInputSchema = z.object({ note: text(0, LIMITS.reason).optional() }).strict();
export const councilInputSchema = z
  .object({ meetingDate: date, note: text(0, LIMITS.reason).optional() })
  .strict();
export const emptyInputSchema = z.object({}).strict();
export const questionInputSchema = z.object({ text: text(5, LIMITS.question) }).strict();
export const answerInputSchema = z.object({ text: text(2, LIMITS.answer) }).strict();
export const settingsInputSchema = z
  .object({
    scope: z.string().regex(/^\d{6}$/, 'a 6-digit province or county code'),
    answerDays: z.number().int().min(1).max(30),
  })
  .strict();

export const attachmentKindSchema = z.enum(ATTACHMENT_KINDS);

// ——— answers ———

export interface CatalogueAnswer {
  village: string;
  items: (CatalogueItem & { deadlineText: string })[];
}

export interface Step {
  action: Action | 'create' | 'revise' | 'supersede';
  actor: string;
  role: string;
  at: string;
  note: string | null;
}

export interface MaskedSheet {
  name: string;
  rows: string[][];
  /** Rows left out of this answer (the export has them all). */
  more: number;
}

export interface AttachmentView {
  id: string;
  filename: string;
  kind: AttachmentKind;
  size: number;
  /** Values masked in this file (lists only). */
  masked: number;
  /** Images and PDFs are not machine-checked; the uploader confirmed they hold no personal data. */
  unchecked: boolean;
  sheets: MaskedSheet[];
}

/** A revision as cadres, supervisors and staff above see it (masked; the original has its own route). */
export interface ItemView {
  id: string;
  rootId: string;
  revision: number;
  village: string;
  catalogueKey: string;
  catalogueTitle: string;
  category: Category;
  maskNames: boolean;
  period: string;
  deadline: string | null;
  status: Status;
  title: string;
  blocks: Block[];
  finance: FinanceTable | null;
  attachments: AttachmentView[];
  /** Values masked in the text, the table and the lists of this revision. */
  masked: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  councilDate: string | null;
  returnReason: string | null;
  revisionReason: string | null;
  steps: Step[];
  /** What the caller may do next. */
  actions: Action[];
  /** Why a reviewer should look closely (images/PDFs not machine-checked). */
  warnings: Warning[];
}

export interface ItemSummary {
  id: string;
  rootId: string;
  revision: number;
  catalogueKey: string;
  catalogueTitle: string;
  category: Category;
  period: string;
  title: string;
  status: Status;
  updatedAt: string;
  publishedAt: string | null;
  actions: Action[];
}

export interface Warning {
  code: 'unchecked-file';
  filename: string;
}

export interface PreviewAnswer {
  item: ItemView;
  masked: { text: number; finance: number; lists: number; total: number };
  warnings: Warning[];
}

export interface OriginalAnswer {
  id: string;
  title: string;
  body: string;
  finance: FinanceTable | null;
  attachments: { id: string; filename: string; kind: AttachmentKind; size: number }[];
}

export interface PublicQuestion {
  id: string;
  text: string;
  askedAt: string;
  dueAt: string;
  answer: string | null;
  answeredAt: string | null;
  overdue: boolean;
}

export interface PublishedSummary {
  id: string;
  rootId: string;
  revision: number;
  catalogueTitle: string;
  category: Category;
  period: string;
  title: string;
  publishedAt: string;
}

export interface PublishedView {
  id: string;
  rootId: string;
  revision: number;
  status: 'published' | 'superseded';
  catalogueTitle: string;
  basis: string;
  category: Category;
  period: string;
  title: string;
  blocks: Block[];
  finance: FinanceTable | null;
  attachments: AttachmentView[];
  publishedAt: string;
  reviewedAt: string | null;
  councilDate: string | null;
  revisionReason: string | null;
  history: {
    id: string;
    revision: number;
    status: 'published' | 'superseded';
    publishedAt: string;
    reason: string | null;
  }[];
  questions: PublicQuestion[];
  answerDays: number;
}

export interface QuestionView extends PublicQuestion {
  itemId: string;
  itemTitle: string;
  village: string;
}

export interface DashboardVillage {
  code: string;
  name: string;
  counts: DueCounts;
  rows: DueRow[];
}

export interface DashboardAnswer {
  division: { code: string; name: string; level: string };
  period: string;
  now: string;
  totals: DueCounts;
  villages: DashboardVillage[];
  overdueQuestions: QuestionView[];
}

export interface SettingsAnswer {
  village: string;
  answerDays: number;
  rows: { scope: string; answerDays: number; updatedBy: string; updatedAt: string }[];
}
