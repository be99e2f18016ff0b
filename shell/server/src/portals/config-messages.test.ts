/**
 * Every keyword a widget's config schema can carry answers a cadre in Chinese — with the field and the
 * limit, and no validator English — and a developer in English.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkConfig, closeObjects } from './config-schema.js';

const obj = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: 'object',
  properties,
  ...extra,
});

let n = 0;
const check = (schema: Record<string, unknown>, config: unknown) =>
  checkConfig(`test@${++n}`, schema, config);

const rows: [string, Record<string, unknown>, unknown, string[], string[]][] = [
  [
    'type',
    obj({ radiusKm: { type: 'integer' } }),
    { radiusKm: '5' },
    ['radiusKm：应为整数'],
    ['radiusKm: must be integer'],
  ],
  [
    'required',
    obj({ heading: { type: 'string' } }, { required: ['heading'] }),
    {},
    ['heading：是必填项，请填写'],
    ['heading: is required'],
  ],
  [
    'an unknown key, closed though the schema is silent',
    obj({ radiusKm: { type: 'integer' }, greeting: { type: 'string' } }),
    { color: 'red' },
    ['color：没有这个配置项，请删除它（可填写的配置项：radiusKm、greeting）'],
    ['color: unknown field (allowed: radiusKm, greeting)'],
  ],
  [
    'enum',
    obj({ size: { enum: ['small', 'large'] } }),
    { size: 'huge' },
    ['size：应为以下之一：“small”、“large”'],
    ['size: must be one of "small", "large"'],
  ],
  [
    'const',
    obj({ mode: { const: 'auto' } }),
    { mode: 'x' },
    ['mode：只能是 “auto”'],
    ['mode: must be "auto"'],
  ],
  ['minimum', obj({ n: { type: 'number', minimum: 1 } }), { n: 0 }, ['n：不能小于 1'], ['n: must be >= 1']],
  [
    'maximum',
    obj({ n: { type: 'number', maximum: 50 } }),
    { n: 51 },
    ['n：不能大于 50'],
    ['n: must be <= 50'],
  ],
  [
    'exclusiveMinimum',
    obj({ n: { type: 'number', exclusiveMinimum: 0 } }),
    { n: 0 },
    ['n：应大于 0'],
    ['n: must be > 0'],
  ],
  [
    'exclusiveMaximum',
    obj({ n: { type: 'number', exclusiveMaximum: 10 } }),
    { n: 10 },
    ['n：应小于 10'],
    ['n: must be < 10'],
  ],
  [
    'multipleOf',
    obj({ n: { type: 'number', multipleOf: 5 } }),
    { n: 7 },
    ['n：应为 5 的整数倍'],
    ['n: must be a multiple of 5'],
  ],
  [
    'minLength 1',
    obj({ s: { type: 'string', minLength: 1 } }),
    { s: '' },
    ['s：不能为空'],
    ['s: must not be empty'],
  ],
  [
    'minLength',
    obj({ s: { type: 'string', minLength: 2 } }),
    { s: '村' },
    ['s：至少 2 个字'],
    ['s: must have at least 2 characters'],
  ],
  [
    'maxLength, counting characters',
    obj({ heading: { type: 'string', maxLength: 4 } }),
    { heading: '仙潭村农机服务' },
    ['heading：最多 4 个字（现在是 7 个）'],
    ['heading: must have at most 4 characters (has 7)'],
  ],
  [
    'pattern',
    obj({ phone: { type: 'string', pattern: '^1\\d{10}$' } }),
    { phone: '123' },
    ['phone：格式不正确'],
    ['phone: must match the pattern ^1\\d{10}$'],
  ],
  [
    'format email',
    obj({ mail: { type: 'string', format: 'email' } }),
    { mail: 'x' },
    ['mail：格式不正确，应为电子邮箱地址'],
    ['mail: must be a valid email'],
  ],
  [
    'format date',
    obj({ day: { type: 'string', format: 'date' } }),
    { day: '5月1日' },
    ['day：格式不正确，应为日期（例如 2025-05-01）'],
    ['day: must be a valid date'],
  ],
  [
    'minItems',
    obj({ l: { type: 'array', minItems: 2 } }),
    { l: [1] },
    ['l：至少要有 2 项'],
    ['l: must have at least 2 items'],
  ],
  [
    'maxItems',
    obj({ l: { type: 'array', maxItems: 1 } }),
    { l: [1, 2] },
    ['l：最多只能有 1 项（现在有 2 项）'],
    ['l: must have at most 1 items'],
  ],
  [
    'uniqueItems',
    obj({ l: { type: 'array', uniqueItems: true } }),
    { l: ['a', 'b', 'a'] },
    ['l：第 1 项和第 3 项重复了，每项只能出现一次'],
    ['l: must not have duplicate items (items 0 and 2 are identical)'],
  ],
  [
    'minProperties',
    obj({ m: { type: 'object', minProperties: 1 } }),
    { m: {} },
    ['m：至少要填写 1 项'],
    ['m: must have at least 1 properties'],
  ],
  [
    'anyOf of types',
    obj({ note: { anyOf: [{ type: 'string' }, { type: 'null' }] } }),
    { note: 3 },
    ['note：应为文字或空值（null）'],
    ['note: must be string or null'],
  ],
  [
    'anyOf, the branch meant',
    obj({ note: { anyOf: [{ type: 'string', maxLength: 2 }, { type: 'null' }] } }),
    { note: '三个字' },
    ['note：最多 2 个字（现在是 3 个）'],
    ['note: must have at most 2 characters (has 3)'],
  ],
  [
    'oneOf matched twice',
    obj({ n: { oneOf: [{ type: 'number' }, { type: 'integer' }] } }),
    { n: 1 },
    ['n：同时符合了多种填法，只能符合其中一种'],
    ['n: must match exactly one schema in oneOf'],
  ],
  ['not', obj({ n: { not: { const: 0 } } }), { n: 0 }, ['n：不允许这样填写'], ['n: must NOT be valid']],
  [
    'if / then',
    obj(
      { kind: { type: 'string' }, url: { type: 'string' } },
      // `then` is a JSON Schema keyword here, not a thenable.
      Object.fromEntries([
        ['if', { properties: { kind: { const: 'link' } } }],
        ['then', { required: ['url'] }],
      ]),
    ),
    { kind: 'link' },
    ['url：是必填项，请填写'],
    ['url: is required'],
  ],
  [
    'dependentRequired',
    obj({ a: { type: 'string' }, b: { type: 'string' } }, { dependentRequired: { a: ['b'] } }),
    { a: 'x' },
    ['配置：填写了 a 时，还必须填写 b'],
    ['(config): must have b when a is present'],
  ],
  [
    'propertyNames',
    { type: 'object', propertyNames: { pattern: '^[a-z]+$' }, additionalProperties: { type: 'string' } },
    { Ab: 'x' },
    ['配置：配置项名称 “Ab” 不符合要求'],
    ['(config): property name "Ab" is invalid'],
  ],
  [
    'contains',
    obj({ l: { type: 'array', contains: { const: 'x' } } }),
    { l: ['y'] },
    ['l：至少要有 1 项符合要求'],
    ['l: must contain at least 1 valid items'],
  ],
  [
    'prefixItems with no more items',
    obj({ pair: { type: 'array', prefixItems: [{ type: 'number' }, { type: 'number' }], items: false } }),
    { pair: [1, 2, 3] },
    ['pair：最多只能有 2 项（现在有 3 项）'],
    ['pair: must have at most 2 items'],
  ],
  ['a false schema', obj({ gone: false }), { gone: 1 }, ['gone：不允许填写这一项'], ['gone: is not allowed']],
  [
    'a field with a title',
    obj({ radiusKm: { type: 'integer', title: '服务半径（公里）', maximum: 50 } }),
    { radiusKm: 80 },
    ['“服务半径（公里）”（radiusKm）：不能大于 50'],
    ['radiusKm: must be <= 50'],
  ],
  [
    'a field with a short description, as zod describe() writes it',
    obj({ heading: { type: 'string', maxLength: 20, description: '页面标题' } }),
    { heading: '仙'.repeat(21) },
    ['“页面标题”（heading）：最多 20 个字（现在是 21 个）'],
    ['heading: must have at most 20 characters (has 21)'],
  ],
  [
    'every problem at once, nested',
    obj({
      contact: obj({ phone: { type: 'string' } }, { required: ['phone'] }),
      radiusKm: { type: 'integer' },
    }),
    { contact: { tel: 1 }, radiusKm: 'x', color: 'red' },
    [
      'color：没有这个配置项，请删除它（可填写的配置项：contact、radiusKm）',
      'contact.phone：是必填项，请填写',
      'contact.tel：没有这个配置项，请删除它（可填写的配置项：phone）',
      'radiusKm：应为整数',
    ],
    [
      'color: unknown field (allowed: contact, radiusKm)',
      'contact.phone: is required',
      'contact.tel: unknown field (allowed: phone)',
      'radiusKm: must be integer',
    ],
  ],
];

describe('config problems', () => {
  it.each(rows)('%s', (_name, schema, config, zh, en) => {
    const problems = check(schema, config);
    expect(problems.map((p) => p.zh)).toEqual(zh);
    expect(problems.map((p) => p.en)).toEqual(en);
  });

  it('reads the schema zod emits, as the build preset writes it', () => {
    const schema = z.toJSONSchema(
      z.object({ heading: z.string().max(20), radiusKm: z.number().int().min(1) }),
    );
    const problems = check(schema as Record<string, unknown>, {
      heading: '仙'.repeat(25),
      radiusKm: 0.5,
      color: 'red',
    });
    expect(problems.map((p) => [p.pointer, p.zh])).toEqual([
      ['/color', 'color：没有这个配置项，请删除它（可填写的配置项：heading、radiusKm）'],
      ['/heading', 'heading：最多 20 个字（现在是 25 个）'],
      ['/radiusKm', 'radiusKm：应为整数'],
      ['/radiusKm', 'radiusKm：不能小于 1'],
    ]);
    expect(problems.every((p) => !/[a-z]{3,} [a-z]{3,}/.test(p.zh.replace(/可填写的配置项：.*$/, '')))).toBe(
      true,
    );
  });

  it('reports a schema that cannot compile as one problem', () => {
    expect(check({ type: 'nonsense' }, {})).toEqual([
      {
        pointer: '',
        en: expect.stringMatching(/^the widget's config schema cannot be used \(/),
        zh: '该组件的配置说明（配置模式）有误，无法检查配置，请联系组件开发者',
      },
    ]);
  });
});

describe('closing object schemas', () => {
  it('closes objects that are silent about extra keys, and only those', () => {
    const schema = closeObjects({
      type: 'object',
      properties: { nested: obj({ a: { type: 'string' } }), loose: obj({}, { additionalProperties: {} }) },
      allOf: [obj({ x: {} }), obj({ y: {} })],
      $defs: { item: obj({ id: {} }) },
    });
    expect(schema.additionalProperties).toBe(false);
    const props = schema.properties as Record<string, Record<string, unknown>>;
    expect(props.nested?.additionalProperties).toBe(false);
    expect(props.loose?.additionalProperties).toEqual({});
    expect((schema.allOf as Record<string, unknown>[]).map((s) => s.additionalProperties)).toEqual([
      undefined,
      undefined,
    ]);
    expect((schema.$defs as Record<string, Record<string, unknown>>).item?.additionalProperties).toBe(false);
  });
});
