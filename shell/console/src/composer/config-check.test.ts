/**
 * The browser's check gives the server's verdict, word for word (in its own order): the same configs against the same
 * schemas through the server's own Ajv check (shell/server/src/portals/config-schema.ts).
 */
import { describe, expect, it } from 'vitest';
import { checkConfig } from '../../../server/src/portals/config-schema.js';
import { configProblems, fits } from './config-check.js';

const machinery = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties: {
    heading: { default: '找农机', description: '页面标题', type: 'string', minLength: 1, maxLength: 20 },
    showUnavailable: { default: false, description: '列出暂不可用的农机', type: 'boolean' },
    types: {
      description: '农机类型',
      minItems: 1,
      maxItems: 3,
      type: 'array',
      uniqueItems: true,
      items: { type: 'string', minLength: 1, maxLength: 10 },
    },
  },
  additionalProperties: false,
};

const rich = {
  type: 'object',
  required: ['phone'],
  properties: {
    phone: { type: 'string', pattern: '^1\\d{10}$', title: '联系电话' },
    email: { type: 'string', format: 'email' },
    size: { enum: ['small', 'large'] },
    count: { type: 'integer', minimum: 1, maximum: 9, multipleOf: 2 },
    note: { anyOf: [{ type: 'string', maxLength: 5 }, { type: 'null' }] },
    nested: { type: 'object', properties: { a: { type: 'number', exclusiveMinimum: 0 } } },
    fixed: { const: 'x' },
  },
};

describe('configProblems', () => {
  it.each([
    ['a fitting config', machinery, { heading: '农机服务', types: ['收割机'] }],
    ['defaults only', machinery, {}],
    [
      'an unknown key and a long heading',
      machinery,
      { color: 'red', heading: '一二三四五六七八九十一二三四五六七八九十一' },
    ],
    ['an empty heading and a wrong type', machinery, { heading: '', showUnavailable: 'yes' }],
    ['too many, duplicate and long items', machinery, { types: ['a', 'a', '一二三四五六七八九十一', 'b'] }],
    ['an empty list', machinery, { types: [] }],
    ['a missing required field', rich, {}],
    ['pattern, format, enum, limits, multiples', rich, { phone: '123', email: 'x', size: 'mid', count: 11 }],
    ['a number where text or nothing goes', rich, { phone: '13800000000', note: 3 }],
    ['text too long for its branch', rich, { phone: '13800000000', note: '一二三四五六' }],
    ['nested and const', rich, { phone: '13800000000', nested: { a: 0, b: 1 }, fixed: 'y', count: 0 }],
  ])('%s: the same problems, in the same words, as the server', (what, schema, config) => {
    // The two validators visit keywords in their own order; the problems are the same.
    const sorted = (list: { pointer: string; zh: string }[]) =>
      [...list].sort((a, b) => `${a.pointer} ${a.zh}`.localeCompare(`${b.pointer} ${b.zh}`));
    const server = checkConfig(`test-${what}`, schema, config);
    expect(sorted(configProblems(schema, config))).toEqual(sorted(server));
  });

  it('fills in the defaults as the server does', () => {
    const problems = configProblems(machinery, { heading: '' }, { heading: '找农机', types: [] });
    expect(problems.map((p) => p.zh)).toEqual([
      '“页面标题”（heading）：不能为空',
      '“农机类型”（types）：至少要有 1 项',
    ]);
  });
});

describe('fits', () => {
  it('tells whether a value fits a branch', () => {
    expect(fits({ type: 'string' }, 'a')).toBe(true);
    expect(fits({ type: 'string' }, 3)).toBe(false);
  });
});
