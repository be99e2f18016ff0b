/**
 * Finds the runnable shell blocks of a docs page. A block runs when its fence says so:
 *
 *     ```sh runnable            the commands, run with bash; must exit 0
 *     ```sh runnable exit=1     … must exit with 1 (a documented refusal)
 *     ```text output            right after a runnable block: what it prints (see match.ts)
 *
 * Every other fenced block is prose for the reader and never runs.
 */
export interface RunnableBlock {
  /** Page path relative to `docs/docs`, e.g. `county/first-widget.md`. */
  page: string;
  /** 1-based line of the opening fence, for messages. */
  line: number;
  code: string;
  exit: number;
  /** The `text output` block that follows it, if any. */
  expected?: string;
}

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)\s*(.*)$/;
const SHELLS = new Set(['sh', 'bash', 'shell']);

interface Fence {
  line: number;
  lang: string;
  meta: string[];
  body: string;
}

function fences(markdown: string): Fence[] {
  const lines = markdown.split('\n');
  const found: Fence[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const open = FENCE.exec(lines[i] ?? '');
    if (!open) continue;
    const marker = open[2] ?? '```';
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !(lines[j] ?? '').trim().startsWith(marker)) {
      body.push(lines[j] ?? '');
      j += 1;
    }
    found.push({
      line: i + 1,
      lang: open[3] ?? '',
      meta: (open[4] ?? '').split(/\s+/).filter(Boolean),
      body: body.join('\n'),
    });
    i = j;
  }
  return found;
}

export class DocsMarkupError extends Error {}

export function runnableBlocks(page: string, markdown: string): RunnableBlock[] {
  const all = fences(markdown);
  const blocks: RunnableBlock[] = [];
  all.forEach((fence, index) => {
    if (fence.lang === 'text' && fence.meta.includes('output')) {
      const before = all[index - 1];
      if (!before?.meta.includes('runnable'))
        throw new DocsMarkupError(
          `${page}:${fence.line}: a "text output" block must follow a runnable block`,
        );
      return;
    }
    if (!fence.meta.includes('runnable')) return;
    if (!SHELLS.has(fence.lang))
      throw new DocsMarkupError(
        `${page}:${fence.line}: only sh/bash blocks can be runnable, not "${fence.lang}"`,
      );
    const exitMeta = fence.meta.find((m) => m.startsWith('exit='));
    const exit = exitMeta ? Number(exitMeta.slice(5)) : 0;
    if (!Number.isInteger(exit))
      throw new DocsMarkupError(`${page}:${fence.line}: "${exitMeta}" is not an exit code`);
    const next = all[index + 1];
    const expected = next && next.lang === 'text' && next.meta.includes('output') ? next.body : undefined;
    blocks.push({
      page,
      line: fence.line,
      code: fence.body,
      exit,
      ...(expected === undefined ? {} : { expected }),
    });
  });
  return blocks;
}
