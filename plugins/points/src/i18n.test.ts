import { describe, expect, it } from 'vitest';
import { messages as cadre } from './cadre/i18n.js';
import { CLAIM_SOURCES, CLAIM_STATUSES, ENTRY_KINDS } from './common/model.js';
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

  it('names every entry kind, claim status and claim source', () => {
    const zh = keys(messages['zh-CN']);
    for (const k of ENTRY_KINDS) expect(zh).toContain(`kind.${k}`);
    for (const s of CLAIM_STATUSES) expect(zh).toContain(`claimStatus.${s}`);
    for (const s of CLAIM_SOURCES) expect(keys(cadre['zh-CN'])).toContain(`queue.source.${s}`);
  });

  it('formats times in China time', () => {
    expect(formatTime('2026-11-02T16:30:00.000Z')).toBe('2026-11-03 00:30');
    expect(formatTime(null)).toBe('—');
  });
});
