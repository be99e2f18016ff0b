import { describe, expect, it } from 'vitest';
import { messages } from './i18n.js';

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );
}

describe('messages', () => {
  it('lists zh-CN first and has an English string for every key', () => {
    expect(Object.keys(messages)).toEqual(['zh-CN', 'en']);
    expect(keys(messages.en).sort()).toEqual(keys(messages['zh-CN']).sort());
  });
});
