/**
 * The rich text of a disclosure, kept safe and small: a list of blocks parsed from a markdown-lite
 * textarea. `# 标题` / `## 小标题` are headings, lines starting with `- ` or `* ` are bullet items, other
 * lines are paragraphs (a blank line ends one). Everything is plain text: no HTML, no links, no images;
 * the renderer prints text nodes only.
 */
export type Block =
  | { type: 'heading'; level: 1 | 2; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'list'; items: string[] };

export const MAX_BLOCKS = 300;

/** Parses markdown-lite into blocks; control characters are dropped. */
export function parseBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: string[] | null = null;
  const flush = () => {
    if (paragraph.length) blocks.push({ type: 'paragraph', text: paragraph.join('\n') });
    paragraph = [];
    if (list) blocks.push({ type: 'list', items: list });
    list = null;
  };
  // biome-ignore lint/suspicious/noControlCharactersInRegex: dropping control characters is the point.
  const clean = source.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
  for (const raw of clean.split('\n')) {
    const line = raw.trim();
    if (line === '') {
      flush();
      continue;
    }
    const heading = /^(#{1,2})\s+(.+)$/.exec(line);
    if (heading) {
      flush();
      blocks.push({
        type: 'heading',
        level: heading[1]?.length === 1 ? 1 : 2,
        text: (heading[2] ?? '').trim(),
      });
      continue;
    }
    const item = /^[-*]\s+(.+)$/.exec(line);
    if (item) {
      if (paragraph.length) {
        blocks.push({ type: 'paragraph', text: paragraph.join('\n') });
        paragraph = [];
      }
      list ??= [];
      list.push((item[1] ?? '').trim());
      continue;
    }
    if (list) {
      blocks.push({ type: 'list', items: list });
      list = null;
    }
    paragraph.push(line);
  }
  flush();
  return blocks;
}

/** Every text of the blocks, for checks. */
export function blockTexts(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b) => (b.type === 'list' ? b.items : [b.text]));
}

/** Applies `f` to every text of the blocks. */
export function mapBlockTexts(blocks: readonly Block[], f: (text: string) => string): Block[] {
  return blocks.map((b) => (b.type === 'list' ? { ...b, items: b.items.map(f) } : { ...b, text: f(b.text) }));
}
