import { describe, expect, it } from 'vitest';
import { END, START, withTable } from './docs-table.mjs';

describe('withTable', () => {
  it('replaces what stands between the markers and keeps the rest of the page', () => {
    const page = `# Performance\n\nintro\n\n${START}\nold table\n${END}\n\n## Reproduce\n`;
    expect(withTable(page, '| a |\n| --- |\n')).toBe(
      `# Performance\n\nintro\n\n${START}\n\n| a |\n| --- |\n\n${END}\n\n## Reproduce\n`,
    );
  });

  it.each([
    ['no markers', 'just text'],
    ['only the start marker', `${START}\n`],
    ['the markers swapped', `${END}\n${START}\n`],
  ])('refuses a page with %s', (_, page) => {
    expect(() => withTable(page, 'x')).toThrow('no <!-- bench:table:start -->');
  });
});
