/**
 * Residents' names: the masked form (张三 → 张*, 王小明 → 王**, 欧阳娜娜 → 欧阳**) and a matcher that masks
 * known names wherever they occur in a text (a roster's names in its remarks column, its title, a sheet
 * name).
 */

/** Two-character surnames; a name that starts with one keeps both characters (if it has 3 or more). */
// biome-ignore format: a list to read
const COMPOUND_SURNAMES = new Set([
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯',
  '轩辕', '令狐', '钟离', '澹台', '百里', '端木', '西门', '南宫', '独孤', '太史', '申屠', '闻人', '万俟',
  '赫连', '呼延', '鲜于', '闾丘', '濮阳', '淳于', '公冶', '宗政', '公羊', '仲孙', '第五', '梁丘', '左丘',
  '东郭', '拓跋', '子车', '颛孙', '壤驷', '公良', '漆雕', '乐正', '宰父', '谷梁', '段干', '东门', '羊舌',
  '微生', '公西', '司空', '司寇', '巫马', '亓官', '贺兰', '完颜', '纳兰', '爱新',
  '歐陽', '司馬', '諸葛', '東方', '尉遲', '公孫', '長孫', '軒轅', '鍾離', '澹臺', '聞人', '赫連', '鮮於',
]);

/** Kept as they are inside a name: spaces (张　三 aligned to three characters) and the middle dots of names such as 阿依古丽·买买提. */
const NAME_SPACE = /^[\s·•・‧]$/u;

/**
 * The masked form of one name: the surname stays (the first character, or a two-character compound
 * surname when the name is longer than two), every other character becomes `*`. A single character is
 * `*`. Names in other scripts keep their first letter (`Li Ming` → `L* ****`). Spaces and middle dots stay.
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  const letters = chars.filter((c) => !NAME_SPACE.test(c));
  let keep = letters.length <= 1 ? 0 : 1;
  if (letters.length >= 3 && COMPOUND_SURNAMES.has(`${letters[0]}${letters[1]}`)) keep = 2;
  let seen = 0;
  return chars.map((c) => (NAME_SPACE.test(c) ? c : seen++ < keep ? c : '*')).join('');
}

/** Between the names in one cell: 张三、李四 / 张三,李四 / one per line. */
const LIST_DELIMITERS = /([、，,;；/／|｜\r\n]+)/u;

/** What a name column holds that is not a name: totals, notes, placeholders. */
// biome-ignore format: a list to read
const NOT_NAMES = new Set([
  '合计', '总计', '小计', '共计', '累计', '总数', '本页小计', '备注', '说明', '以下空白', '空白', '空', '无',
  '略', '同上', '本人', '签字', '签名', '盖章', '待定', '暂无',
]);

function compact(s: string): string {
  return s.replace(/\s+/gu, '');
}

/** Whether `s` is worth masking wherever it occurs: 2 or more characters, no digits, not a total or note. */
export function isUsableName(s: string): boolean {
  const c = compact(s);
  return Array.from(c).length >= 2 && !/[0-9\uff10-\uff19]/u.test(c) && !NOT_NAMES.has(c);
}

/** A name column's cell: each name of a list masked, totals and notes such as 合计 left as they are. */
export function maskNameList(text: string): string {
  return text
    .split(LIST_DELIMITERS)
    .map((part, i) => {
      if (i % 2 === 1 || NOT_NAMES.has(compact(part))) return part;
      const m = /^(\s*)([\s\S]*?)(\s*)$/u.exec(part);
      return m ? `${m[1]}${maskName(m[2] ?? '')}${m[3]}` : part;
    })
    .join('');
}

/** The names in a name column's cell, in the forms they may take elsewhere (张　三 also as 张三). */
export function namesInCell(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(LIST_DELIMITERS)) {
    const name = part.trim();
    if (!isUsableName(name)) continue;
    out.push(name, compact(name));
    const words = name.split(/\s+/u);
    if (words.length > 1 && words.every((w) => Array.from(w).length >= 2)) out.push(...words);
  }
  return out;
}

interface TrieNode {
  next: Map<number, TrieNode>;
  masked?: string;
}

/** Masks a set of names wherever they occur, longest first, in one pass over the text. */
export class NameMatcher {
  private readonly root = new Map<number, TrieNode>();
  readonly size: number;

  constructor(names: Iterable<string>) {
    let size = 0;
    for (const raw of names) {
      const name = raw.trim();
      if (!isUsableName(name)) continue;
      let level = this.root;
      let node: TrieNode | undefined;
      for (let i = 0; i < name.length; i++) {
        const code = name.charCodeAt(i);
        node = level.get(code);
        if (!node) {
          node = { next: new Map() };
          level.set(code, node);
        }
        level = node.next;
      }
      if (node && node.masked === undefined) {
        node.masked = maskName(name);
        size++;
      }
    }
    this.size = size;
  }

  mask(text: string): string {
    if (this.size === 0) return text;
    let out = '';
    let last = 0;
    let i = 0;
    while (i < text.length) {
      let node = this.root.get(text.charCodeAt(i));
      let j = i + 1;
      let matchEnd = -1;
      let replacement = '';
      while (node) {
        if (node.masked !== undefined) {
          matchEnd = j;
          replacement = node.masked;
        }
        if (j >= text.length) break;
        node = node.next.get(text.charCodeAt(j));
        j++;
      }
      if (matchEnd > 0) {
        out += text.slice(last, i) + replacement;
        i = last = matchEnd;
      } else {
        i++;
      }
    }
    return out + text.slice(last);
  }
}
