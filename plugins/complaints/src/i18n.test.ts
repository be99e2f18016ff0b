import { describe, expect, it } from 'vitest';
import { messages as cadre } from './cadre/i18n.js';
import { CATEGORY_IDS, EVENT_ACTIONS, RATINGS, STATUSES } from './common/model.js';
import { formatTime, messages } from './i18n.js';

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );
}

describe('messages', () => {
  it('lists zh-CN first and has an English string for every key', () => {
    for (const m of [messages, cadre]) {
      expect(Object.keys(m)).toEqual(['zh-CN', 'en']);
      expect(keys(m.en).sort()).toEqual(keys(m['zh-CN']).sort());
    }
  });

  it('names every category, status, action and rating', () => {
    const zh = keys(messages['zh-CN']);
    for (const id of CATEGORY_IDS) expect(zh).toContain(`category.${id}`);
    for (const s of STATUSES) expect(zh).toContain(`status.${s}`);
    for (const a of EVENT_ACTIONS) expect(zh).toContain(`action.${a}`);
    for (const r of RATINGS) expect(zh).toContain(`rating.${r}`);
  });

  it('formats times in China time', () => {
    expect(formatTime('2026-11-02T16:30:00.000Z')).toBe('2026-11-03 00:30');
    expect(formatTime(null)).toBe('—');
  });
});
