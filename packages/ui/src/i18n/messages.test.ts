import { describe, expect, it } from 'vitest';
import { formatMessage, messages } from './messages.js';

describe('messages', () => {
  it('en has every zh-CN key, none empty', () => {
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages['zh-CN']).sort());
    for (const table of Object.values(messages)) {
      for (const value of Object.values(table)) expect(value.trim()).not.toBe('');
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(formatMessage('zh-CN', 'imageSize', { size: '5 MB' })).toBe('图片不能超过 5 MB');
    expect(formatMessage('en', 'counter', { count: 3, max: 10 })).toBe('3 of 10 characters');
    expect(formatMessage('zh-CN', 'numberMin')).toBe('不能小于 {min}');
  });
});
