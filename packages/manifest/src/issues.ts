/**
 * Validation problems as people read them: the field path and what was expected, in Chinese (for
 * cadres and residents) and English (for developers' tools). Every boundary reports through this.
 */
import type { z } from 'zod';

export interface ManifestIssue {
  /** Dotted path with indexes, e.g. `contributes[0].slot`; empty for the document itself. */
  path: string;
  zh: string;
  en: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

const typeNames: Record<string, string> = {
  string: '字符串',
  number: '数字',
  int: '整数',
  boolean: '布尔值',
  object: '对象',
  array: '数组',
  undefined: '空',
  null: 'null',
};

function received(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  return typeof input;
}

function show(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}

/** Turns one zod issue into a bilingual message. Custom issues carry `params.zh`; `message` is English. */
export function localizeIssue(issue: z.core.$ZodIssue): ManifestIssue {
  const path = formatPath(issue.path);
  const field = path || '(root)';
  switch (issue.code) {
    case 'invalid_type': {
      const got = received(issue.input);
      if (got === 'nothing') {
        return {
          path,
          zh: `${field}：缺少必填字段（应为${typeNames[issue.expected] ?? issue.expected}）`,
          en: `${field}: required ${issue.expected} is missing`,
        };
      }
      return {
        path,
        zh: `${field}：应为${typeNames[issue.expected] ?? issue.expected}，实际是${typeNames[got] ?? got}`,
        en: `${field}: expected ${issue.expected}, received ${got}`,
      };
    }
    case 'invalid_value': {
      const values = issue.values.map(show);
      return {
        path,
        zh: `${field}：${show(issue.input)} 无效，应为 ${values.join('、')} 之一`,
        en: `${field}: ${show(issue.input)} is not allowed, expected one of ${values.join(', ')}`,
      };
    }
    case 'invalid_format': {
      const pattern = 'pattern' in issue && issue.pattern ? ` ${issue.pattern}` : '';
      return {
        path,
        zh: `${field}：格式不正确（应符合 ${issue.format}${pattern}）`,
        en: `${field}: invalid ${issue.format}${pattern ? `, expected to match${pattern}` : ''}`,
      };
    }
    case 'too_small':
      return {
        path,
        zh: `${field}：${issue.origin === 'array' ? '项数' : issue.origin === 'string' ? '长度' : '值'}至少为 ${String(issue.minimum)}`,
        en: `${field}: expected ${issue.origin === 'array' ? 'at least' : issue.origin === 'string' ? 'length of at least' : '>='} ${String(issue.minimum)}${issue.origin === 'array' ? ' items' : ''}`,
      };
    case 'too_big':
      return {
        path,
        zh: `${field}：${issue.origin === 'array' ? '项数' : issue.origin === 'string' ? '长度' : '值'}最多为 ${String(issue.maximum)}`,
        en: `${field}: expected ${issue.origin === 'array' ? 'at most' : issue.origin === 'string' ? 'length of at most' : '<='} ${String(issue.maximum)}${issue.origin === 'array' ? ' items' : ''}`,
      };
    case 'unrecognized_keys':
      return {
        path,
        zh: `${field}：未知字段 ${issue.keys.map(show).join('、')}`,
        en: `${field}: unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map(show).join(', ')}`,
      };
    case 'custom': {
      const zh = (issue.params as { zh?: string } | undefined)?.zh ?? issue.message;
      return { path, zh: `${field}：${zh}`, en: `${field}: ${issue.message}` };
    }
    default:
      return { path, zh: `${field}：${issue.message}`, en: `${field}: ${issue.message}` };
  }
}

export function localizeError(error: z.ZodError): ManifestIssue[] {
  return error.issues.map(localizeIssue);
}

/** One line per issue, `en` or `zh` or both (`zh / en`), for CLI output and HTTP error bodies. */
export function formatIssues(issues: readonly ManifestIssue[], lang: 'zh' | 'en' | 'both' = 'en'): string {
  return issues.map((i) => (lang === 'both' ? `${i.zh} / ${i.en}` : i[lang])).join('\n');
}

/** Adds a bilingual custom issue inside a zod refinement. */
export function addIssue(
  ctx: { addIssue(issue: z.core.$ZodRawIssue): void } | z.core.$RefinementCtx,
  path: PropertyKey[],
  en: string,
  zh: string,
  input?: unknown,
): void {
  ctx.addIssue({ code: 'custom', path, message: en, params: { zh }, input });
}
