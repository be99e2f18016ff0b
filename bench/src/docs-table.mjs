// `npm run bench -- --docs`: copies the run's table into the Performance page between two markers, so
// the page always shows a table the harness wrote rather than one typed by hand.
import { readFileSync, writeFileSync } from 'node:fs';

export const START = '<!-- bench:table:start -->';
export const END = '<!-- bench:table:end -->';

/** `page` with everything between the markers replaced by `table`; throws when the markers are missing. */
export function withTable(page, table) {
  const from = page.indexOf(START);
  const to = page.indexOf(END);
  if (from === -1 || to < from) throw new Error(`the page has no ${START} … ${END} section`);
  return `${page.slice(0, from + START.length)}\n\n${table.trim()}\n\n${page.slice(to)}`;
}

export function writeDocsTable(file, markdown) {
  // The report's own heading would be a second title on the page: the page keeps its headings.
  const table = markdown.replace(/^# .*\n/, '');
  writeFileSync(file, withTable(readFileSync(file, 'utf8'), table));
}
