/**
 * Checks a command's output against the output a page shows. Each non-blank line the page shows must
 * match one line of the real output, in the same order (other lines may come between): whitespace runs
 * are equal whatever their length, and `…` stands for any text. So a page can show the lines that matter
 * and elide hashes, times and sizes.
 */
import { stripVTControlCharacters } from 'node:util';

function pattern(line: string): RegExp {
  const parts = line
    .trim()
    .split('…')
    .map((part) =>
      part
        .split(/\s+/)
        .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('\\s+'),
    );
  return new RegExp(`^${parts.join('.*')}$`);
}

export interface Mismatch {
  /** The first line of the page's output that was not found (in order). */
  missing: string;
  /** How many of the page's lines matched before it. */
  matched: number;
}

export function matchOutput(expected: string, actual: string): Mismatch | null {
  const want = expected.split('\n').filter((l) => l.trim() !== '');
  const got = stripVTControlCharacters(actual)
    .split(/\r?\n/)
    .map((l) => l.trim());
  let at = 0;
  for (let i = 0; i < want.length; i += 1) {
    const line = want[i] ?? '';
    const re = pattern(line);
    while (at < got.length && !re.test(got[at] ?? '')) at += 1;
    if (at >= got.length) return { missing: line, matched: i };
    at += 1;
  }
  return null;
}
