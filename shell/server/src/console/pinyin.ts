/**
 * Pinyin search for the console's catalog: a cadre types `ljfl` (or `laji`) for 垃圾分类. The registry's
 * catalog search matches text only (see docs/docs/province/catalog-api.md), so the console's proxy
 * matches pinyin itself over the catalog's titles and keywords until the registry indexes pinyin.
 */
import { pinyin } from 'pinyin-pro';

/** A query the registry cannot answer alone: every word is Latin letters (pinyin, or an English word). */
export function isPinyinQuery(q: string): boolean {
  const words = q.trim().split(/\s+/).filter(Boolean);
  return words.length > 0 && words.every((w) => /^[a-z]+$/i.test(w));
}

/** `垃圾分类` → `{ initials: 'ljfl', full: 'lajifenlei' }`; other characters are kept as they are, lower-cased. */
export function pinyinKeys(text: string): { initials: string; full: string } {
  const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' });
  const clean = syllables.map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''));
  return { initials: clean.map((s) => s.slice(0, 1)).join(''), full: clean.join('') };
}

/** What a catalog entry is found by: its name and texts, and the pinyin of its Chinese ones. */
export interface Searchable {
  name: string;
  title: { 'zh-CN': string; en?: string };
  description: { 'zh-CN': string; en?: string };
  keywords: readonly string[];
  category: string | null;
}

/** Does every word of `q` occur in the entry's text, or in the pinyin (initials or full) of its Chinese? */
export function matchesPinyin(entry: Searchable, q: string): boolean {
  const chinese = [entry.title['zh-CN'], ...entry.keywords];
  const keys = chinese.map(pinyinKeys);
  const text = [
    entry.name,
    entry.title['zh-CN'],
    entry.title.en ?? '',
    entry.description['zh-CN'],
    entry.description.en ?? '',
    entry.category ?? '',
    ...entry.keywords,
  ]
    .join('\n')
    .toLowerCase();
  return q
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every(
      (word) => text.includes(word) || keys.some((k) => k.initials.includes(word) || k.full.includes(word)),
    );
}
