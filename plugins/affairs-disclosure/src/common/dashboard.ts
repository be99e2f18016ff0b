/**
 * What is due, overdue and published for one village in a dashboard period, computed from the
 * village's effective catalogue, its disclosures and the clock. For each catalogue item with a regular
 * cadence, the item periods that end inside the dashboard period are checked (a quarter holds three
 * monthly ledgers and one quarterly roster; a yearly item shows only in a period that ends with the
 * year). Items due at once are checked per event: every disclosure whose event day falls in the period.
 */
import { type CatalogueItem, deadlineOf } from './catalogue.js';
import type { Category } from './enums.js';
import { type Period, periodKindOf, periodsEndingIn } from './period.js';

export type DueState = 'published' | 'due' | 'overdue';

export interface DisclosureFact {
  key: string;
  period: string;
  /** When the first revision was published, if it was. */
  publishedAt: string | null;
}

export interface DueRow {
  key: string;
  title: string;
  category: Category;
  period: string;
  deadline: string;
  state: DueState;
  publishedAt: string | null;
  /** Published after the deadline. */
  late: boolean;
}

export interface DueCounts {
  due: number;
  overdue: number;
  published: number;
}

export function dueRows(
  catalogue: readonly CatalogueItem[],
  facts: readonly DisclosureFact[],
  period: Period,
  now: Date,
): DueRow[] {
  const rows: DueRow[] = [];
  const at = now.toISOString();
  const row = (item: CatalogueItem, key: string, fact: DisclosureFact | undefined): DueRow | null => {
    const deadline = deadlineOf(item.deadline, key);
    if (!deadline) return null;
    const publishedAt = fact?.publishedAt ?? null;
    const state: DueState = publishedAt ? 'published' : at > deadline ? 'overdue' : 'due';
    return {
      key: item.key,
      title: item.title,
      category: item.category,
      period: key,
      deadline,
      state,
      publishedAt,
      late: publishedAt !== null && publishedAt > deadline,
    };
  };
  for (const item of catalogue) {
    if (item.cadence === 'immediate') {
      for (const fact of facts) {
        if (fact.key !== item.key || fact.period < period.start || fact.period > period.end) continue;
        const r = row(item, fact.period, fact);
        if (r) rows.push(r);
      }
      continue;
    }
    for (const p of periodsEndingIn(periodKindOf(item.cadence), period)) {
      const r = row(
        item,
        p.key,
        facts.find((f) => f.key === item.key && f.period === p.key),
      );
      if (r) rows.push(r);
    }
  }
  return rows;
}

export function countRows(rows: readonly DueRow[]): DueCounts {
  return {
    due: rows.filter((r) => r.state === 'due').length,
    overdue: rows.filter((r) => r.state === 'overdue').length,
    published: rows.filter((r) => r.state === 'published').length,
  };
}

/** When a question asked at `askedAt` must be answered, `days` days later. */
export function answerDueAt(askedAt: string, days: number): string {
  return new Date(Date.parse(askedAt) + days * 86_400_000).toISOString();
}

export function isAnswerOverdue(q: { dueAt: string; answeredAt: string | null }, now: Date): boolean {
  return q.answeredAt === null && now.toISOString() > q.dueAt;
}

export const DEFAULT_ANSWER_DAYS = 10;
