/**
 * Ajv's errors for a widget config as people read them: each problem with its place in the config, a
 * zh-CN sentence for the cadre who fills it in (no validator English: every keyword the zod → JSON
 * Schema converter can emit has its own sentence, with the limits filled in; an unknown one still reads
 * as Chinese) and an English one for developers. A failed `anyOf`/`oneOf` becomes one problem — the
 * branch the value was meant for, or the types it may have — instead of one line per branch.
 */
import type { ErrorObject } from 'ajv/dist/2020.js';

export interface ConfigProblem {
  /** JSON pointer inside the config, e.g. `/radiusKm`; empty for the config itself. */
  pointer: string;
  en: string;
  zh: string;
}

const TYPE_ZH: Record<string, string> = {
  string: '文字',
  number: '数字',
  integer: '整数',
  boolean: '“是”或“否”（true 或 false）',
  object: '一组配置项',
  array: '列表',
  null: '空值（null）',
};

const FORMAT_ZH: Record<string, string> = {
  email: '电子邮箱地址',
  'idn-email': '电子邮箱地址',
  uri: '完整网址（以 http:// 或 https:// 开头）',
  url: '完整网址（以 http:// 或 https:// 开头）',
  'uri-reference': '网址',
  iri: '完整网址',
  'iri-reference': '网址',
  date: '日期（例如 2025-05-01）',
  time: '时间（例如 08:30:00+08:00）',
  'date-time': '日期和时间（例如 2025-05-01T08:30:00+08:00）',
  duration: '时长（例如 P1D 表示一天）',
  uuid: '通用唯一编号（UUID）',
  ipv4: 'IPv4 地址（例如 192.168.1.1）',
  ipv6: 'IPv6 地址',
  hostname: '域名（例如 www.example.gov.cn）',
  'idn-hostname': '域名',
  regex: '正则表达式',
  'json-pointer': 'JSON 指针',
  'relative-json-pointer': 'JSON 指针',
  'uri-template': '网址模板',
  byte: 'Base64 编码的内容',
  int32: '32 位整数',
  int64: '64 位整数',
  float: '数字',
  double: '数字',
  password: '密码',
  binary: '二进制内容',
};

type Params = Record<string, unknown>;

/** A value as a cadre reads it: text in Chinese quotes, anything else as JSON. */
function show(value: unknown): string {
  return typeof value === 'string' ? `“${value}”` : JSON.stringify(value);
}

/** The keys of a JSON pointer, unescaped (`/a~1b/0` → `a/b`, `0`). */
export function pointerSegments(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** `/contacts/0/phone` → `contacts[0].phone`; the root is the whole config. */
export function keyPath(pointer: string): string {
  let out = '';
  for (const seg of pointerSegments(pointer)) {
    out += /^\d+$/.test(seg) ? `[${seg}]` : out === '' ? seg : `.${seg}`;
  }
  return out;
}

/**
 * The name a cadre knows a field by: its schema's `title`, else a short `description` (zod's
 * `.describe('页面标题')`, as the widgets write their config schemas).
 */
const titleOf = (schema: unknown): string | undefined => {
  const s = schema as { title?: unknown; description?: unknown } | undefined;
  for (const t of [s?.title, s?.description]) {
    if (typeof t === 'string' && t.trim() !== '' && t.trim().length <= 30 && !t.includes('\n'))
      return t.trim();
  }
  return undefined;
};

/** How the zh sentence names a place: the schema's title with the key, or the key alone. */
function label(pointer: string, schema: unknown): string {
  const path = keyPath(pointer);
  const title = titleOf(schema);
  if (path === '') return title ? `配置“${title}”` : '配置';
  return title ? `“${title}”（${path}）` : path;
}

const typeList = (types: readonly string[], zh: boolean) =>
  zh ? types.map((t) => TYPE_ZH[t] ?? t).join('或') : types.join(' or ');

const typesOf = (p: Params): string[] =>
  Array.isArray(p.type) ? p.type.map(String) : String(p.type).split(',');

function childSchema(parent: unknown, key: string): unknown {
  return (parent as { properties?: Record<string, unknown> } | undefined)?.properties?.[key];
}

/** The zh and en sentences (without the place) for one error, and where it is when that is a child key. */
function sentence(e: ErrorObject): { zh: string; en: string; child?: string } {
  const p = e.params as Params;
  const n = (k: string) => Number(p[k]);
  switch (e.keyword) {
    case 'type':
      return { zh: `应为${typeList(typesOf(p), true)}`, en: `must be ${typeList(typesOf(p), false)}` };
    case 'required':
      return { zh: '是必填项，请填写', en: 'is required', child: String(p.missingProperty) };
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const key = String(p.additionalProperty ?? p.unevaluatedProperty);
      const allowed = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      return {
        zh: `没有这个配置项，请删除它（${allowed.length ? `可填写的配置项：${allowed.join('、')}` : '该组件没有可填写的配置项'}）`,
        en: `unknown field (${allowed.length ? `allowed: ${allowed.join(', ')}` : 'this config has no fields'})`,
        child: key,
      };
    }
    case 'enum': {
      const values = (p.allowedValues as unknown[]) ?? [];
      return {
        zh: `应为以下之一：${values.map(show).join('、')}`,
        en: `must be one of ${values.map((v) => JSON.stringify(v)).join(', ')}`,
      };
    }
    case 'const':
      return { zh: `只能是 ${show(p.allowedValue)}`, en: `must be ${JSON.stringify(p.allowedValue)}` };
    case 'minimum':
      return { zh: `不能小于 ${p.limit}`, en: `must be >= ${p.limit}` };
    case 'maximum':
      return { zh: `不能大于 ${p.limit}`, en: `must be <= ${p.limit}` };
    case 'exclusiveMinimum':
      return { zh: `应大于 ${p.limit}`, en: `must be > ${p.limit}` };
    case 'exclusiveMaximum':
      return { zh: `应小于 ${p.limit}`, en: `must be < ${p.limit}` };
    case 'multipleOf':
      return { zh: `应为 ${p.multipleOf} 的整数倍`, en: `must be a multiple of ${p.multipleOf}` };
    case 'minLength':
      return n('limit') === 1
        ? { zh: '不能为空', en: 'must not be empty' }
        : { zh: `至少 ${p.limit} 个字`, en: `must have at least ${p.limit} characters` };
    case 'maxLength': {
      const has = typeof e.data === 'string' ? [...e.data].length : undefined;
      return {
        zh: `最多 ${p.limit} 个字${has === undefined ? '' : `（现在是 ${has} 个）`}`,
        en: `must have at most ${p.limit} characters${has === undefined ? '' : ` (has ${has})`}`,
      };
    }
    case 'pattern':
      return { zh: '格式不正确', en: `must match the pattern ${p.pattern}` };
    case 'format':
      return {
        zh: `格式不正确，应为${FORMAT_ZH[String(p.format)] ?? '规定的格式'}`,
        en: `must be a valid ${p.format}`,
      };
    case 'minItems':
      return { zh: `至少要有 ${p.limit} 项`, en: `must have at least ${p.limit} items` };
    case 'maxItems':
    case 'additionalItems':
    case 'items': {
      const has = Array.isArray(e.data) ? e.data.length : undefined;
      return {
        zh: `最多只能有 ${p.limit} 项${has === undefined ? '' : `（现在有 ${has} 项）`}`,
        en: `must have at most ${p.limit} items`,
      };
    }
    case 'unevaluatedItems':
      return { zh: `最多只能有 ${p.len} 项`, en: `must have at most ${p.len} items` };
    case 'uniqueItems': {
      const [a, b] = [n('j'), n('i')].sort((x, y) => x - y);
      return {
        zh: `第 ${(a ?? 0) + 1} 项和第 ${(b ?? 0) + 1} 项重复了，每项只能出现一次`,
        en: `must not have duplicate items (items ${a} and ${b} are identical)`,
      };
    }
    case 'minProperties':
      return { zh: `至少要填写 ${p.limit} 项`, en: `must have at least ${p.limit} properties` };
    case 'maxProperties':
      return { zh: `最多只能填写 ${p.limit} 项`, en: `must have at most ${p.limit} properties` };
    case 'dependentRequired':
    case 'dependencies':
      return {
        zh: `填写了 ${p.property} 时，还必须填写 ${p.missingProperty}`,
        en: `must have ${p.missingProperty} when ${p.property} is present`,
      };
    case 'propertyNames':
      return {
        zh: `配置项名称 ${show(p.propertyName)} 不符合要求`,
        en: `property name "${p.propertyName}" is invalid`,
      };
    case 'contains':
    case 'minContains':
    case 'maxContains':
      return p.maxContains !== undefined && p.minContains === undefined
        ? {
            zh: `符合要求的项最多 ${p.maxContains} 个`,
            en: `must contain at most ${p.maxContains} valid items`,
          }
        : {
            zh: `至少要有 ${p.minContains ?? 1} 项符合要求`,
            en: `must contain at least ${p.minContains ?? 1} valid items`,
          };
    case 'oneOf':
      return p.passingSchemas
        ? { zh: '同时符合了多种填法，只能符合其中一种', en: 'must match exactly one schema in oneOf' }
        : { zh: '不符合任何一种允许的填法', en: 'must match a schema in oneOf' };
    case 'anyOf':
      return { zh: '不符合任何一种允许的填法', en: 'must match a schema in anyOf' };
    case 'not':
      return { zh: '不允许这样填写', en: 'must NOT be valid' };
    case 'if':
      return {
        zh: '与其他配置项的搭配不符合要求',
        en: `must match "${p.failingKeyword}" schema`,
      };
    case 'false schema':
      return { zh: '不允许填写这一项', en: 'is not allowed' };
    case 'discriminator':
      return {
        zh: `缺少或填错了类型标识 ${String(p.tag)}`,
        en: `the discriminator "${p.tag}" is missing or has no matching schema`,
      };
    default:
      return { zh: '填写不符合要求', en: e.message ?? `is invalid (${e.keyword})` };
  }
}

function problem(e: ErrorObject): ConfigProblem {
  const s = sentence(e);
  const pointer = s.child === undefined ? e.instancePath : `${e.instancePath}/${s.child}`;
  const schema = s.child === undefined ? e.parentSchema : childSchema(e.parentSchema, s.child);
  const where = keyPath(pointer) || '(config)';
  return { pointer, zh: `${label(pointer, schema)}：${s.zh}`, en: `${where}: ${s.en}` };
}

/** The branch index of `e` under the combinator at `path` (`#/…/anyOf`), or undefined when not under it. */
function branchOf(e: ErrorObject, path: string): string | undefined {
  if (!e.schemaPath.startsWith(`${path}/`)) return undefined;
  return e.schemaPath.slice(path.length + 1).split('/')[0];
}

/**
 * Collapses each failed `anyOf`/`oneOf` with its branches' errors: when every branch failed on the type
 * alone, one "must be A or B"; when all but one did, that branch's problems; else the combinator's.
 */
function collapse(errors: readonly ErrorObject[]): ErrorObject[] {
  let out = [...errors];
  const combinators = errors.filter(
    (e) => (e.keyword === 'anyOf' || e.keyword === 'oneOf') && !(e.params as Params).passingSchemas,
  );
  for (const c of combinators) {
    if (!out.includes(c)) continue;
    const branches = new Map<string, ErrorObject[]>();
    for (const e of out) {
      const b = branchOf(e, c.schemaPath);
      if (b !== undefined) branches.set(b, [...(branches.get(b) ?? []), e]);
    }
    const inBranches = new Set([...branches.values()].flat());
    const typeOnly = (list: ErrorObject[]) =>
      list.every((e) => e.keyword === 'type' && e.instancePath === c.instancePath);
    const meant = [...branches.values()].filter((list) => !typeOnly(list));
    if (meant.length === 0) {
      const types = [...inBranches].flatMap((e) => typesOf(e.params as Params));
      const merged: ErrorObject = { ...c, keyword: 'type', params: { type: [...new Set(types)] } };
      out = out.filter((e) => !inBranches.has(e)).map((e) => (e === c ? merged : e));
    } else if (meant.length === 1) {
      const keep = new Set(meant[0]);
      out = out.filter((e) => e !== c && (!inBranches.has(e) || keep.has(e)));
    } else {
      out = out.filter((e) => !inBranches.has(e));
    }
  }
  return out;
}

/** Every problem of a failed validation, in Ajv's order, one per place and rule. */
export function describeErrors(errors: readonly ErrorObject[]): ConfigProblem[] {
  // A failed `if` is explained by its `then`/`else` errors; alone it says nothing a cadre can act on.
  const explained = (e: ErrorObject) => {
    const branch = `${e.schemaPath.replace(/\/if$/, '')}/${String((e.params as Params).failingKeyword)}/`;
    return errors.some((o) => o.schemaPath.startsWith(branch));
  };
  // The items a `contains` tried and the names a `propertyNames` checked fail on their own; the
  // keyword's error says what is wrong.
  const inner = (e: ErrorObject) => /\/(contains|propertyNames)\//.test(e.schemaPath);
  const useful = errors.filter((e) => !inner(e) && (e.keyword !== 'if' || !explained(e)));
  const seen = new Set<string>();
  const out: ConfigProblem[] = [];
  for (const e of collapse(useful)) {
    const p = problem(e);
    const key = `${p.pointer}\u0000${p.zh}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out;
}
