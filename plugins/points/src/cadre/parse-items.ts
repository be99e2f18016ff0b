/** The rule book's items as the committee types them: one a line, `编号，事项，分值，所需证明，提议人`. */
import type { RuleItem } from '../common/model.js';

/** The items, or the 1-based number of the first line that does not fit. */
export function parseItems(text: string): RuleItem[] | { badLine: number } {
  const items: RuleItem[] = [];
  const lines = text.split(/\r?\n/);
  for (const [i, line] of lines.entries()) {
    if (!line.trim()) continue;
    const [code, title, points, evidence, proposer, ...rest] = line.split(/[,，、\t]/).map((s) => s.trim());
    const n = Number(points);
    if (rest.length || !code || !title || !evidence || !proposer || !Number.isInteger(n) || n === 0) {
      return { badLine: i + 1 };
    }
    items.push({ code, title, points: n, evidence, proposer });
  }
  return items;
}
