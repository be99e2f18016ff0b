import { describe, expect, it } from 'vitest';
import { type YankAction, type YankUse, yankAction, yankReason } from './yank.js';

const yanked = { at: '2026-12-02T08:00:00.000Z', reason: '泄露手机号' };

describe('the yank policy', () => {
  it.each<[string, typeof yanked | null | undefined, YankUse, YankAction]>([
    ['a live version, adopted', null, 'adopt', 'serve'],
    ['a live version, pinned', null, 'pinned', 'serve'],
    ['a version from an older snapshot without the field', undefined, 'pinned', 'serve'],
    ['a yanked version, adopted anew', yanked, 'adopt', 'refuse'],
    ['a yanked version the portal pins', yanked, 'pinned', 'warn'],
  ])('%s: %s', (_what, state, use, action) => {
    expect(yankAction(state, use)).toBe(action);
  });

  it('names the reason, or says none was given', () => {
    expect([yankReason(yanked), yankReason(yanked, 'zh')]).toEqual(['泄露手机号', '泄露手机号']);
    const silent = { at: yanked.at, reason: null };
    expect([yankReason(silent), yankReason(silent, 'zh')]).toEqual(['no reason given', '未说明原因']);
  });
});
