import { describe, expect, it } from 'vitest';
import { messages as cadre } from './cadre/i18n.js';
import { MEETING_KINDS, MEMBER_ROLES, MEMBER_STATUSES, POST_KINDS } from './common/index.js';
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

  it('names every meeting kind, member role and status, and post kind', () => {
    const zh = keys(cadre['zh-CN']);
    for (const k of MEETING_KINDS) {
      expect(zh).toContain(`kind.${k}`);
      expect(keys(messages['zh-CN'])).toContain(`kind.${k}`);
    }
    for (const r of MEMBER_ROLES) expect(zh).toContain(`member.roles.${r}`);
    for (const s of MEMBER_STATUSES) expect(zh).toContain(`member.statuses.${s}`);
    for (const k of POST_KINDS) expect(zh).toContain(`publish.kinds.${k}`);
  });

  it('formats times in China time', () => {
    expect(formatTime('2026-11-02T16:30:00.000Z')).toBe('2026-11-03 00:30');
    expect(formatTime(null)).toBe('—');
  });
});
