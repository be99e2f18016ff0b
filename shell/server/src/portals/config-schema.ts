/**
 * A widget's village config checked against the JSON Schema its build emitted (zod 4's converter,
 * draft 2020-12) with Ajv. Compiled validators are cached per widget version; formats are not checked
 * (the schema's types, ranges, enums and required fields are).
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
const cache = new Map<string, ValidateFunction | Error>();

export interface ConfigProblem {
  /** JSON pointer inside the config, e.g. `/maxDistanceKm`; empty for the config itself. */
  pointer: string;
  en: string;
  zh: string;
}

function compile(id: string, schema: Record<string, unknown>): ValidateFunction | Error {
  const hit = cache.get(id);
  if (hit) return hit;
  let result: ValidateFunction | Error;
  try {
    const { $schema: _ignored, $id: _id, ...rest } = schema;
    result = ajv.compile(rest);
  } catch (err) {
    result = err instanceof Error ? err : new Error(String(err));
  }
  cache.set(id, result);
  return result;
}

function describe(e: ErrorObject): ConfigProblem {
  const params = e.params as Record<string, unknown>;
  if (e.keyword === 'required') {
    const field = String(params.missingProperty);
    return {
      pointer: `${e.instancePath}/${field}`,
      en: `required field "${field}" is missing`,
      zh: `缺少必填项 "${field}"`,
    };
  }
  if (e.keyword === 'additionalProperties') {
    const field = String(params.additionalProperty);
    return {
      pointer: `${e.instancePath}/${field}`,
      en: `unknown field "${field}"`,
      zh: `未知配置项 "${field}"`,
    };
  }
  if (e.keyword === 'type') {
    return {
      pointer: e.instancePath,
      en: `expected ${String(params.type)}`,
      zh: `类型应为 ${String(params.type)}`,
    };
  }
  if (e.keyword === 'enum') {
    const allowed = (params.allowedValues as unknown[]).map((v) => JSON.stringify(v));
    return {
      pointer: e.instancePath,
      en: `expected one of ${allowed.join(', ')}`,
      zh: `应为 ${allowed.join('、')} 之一`,
    };
  }
  return {
    pointer: e.instancePath,
    en: e.message ?? 'is invalid',
    zh: `不符合要求（${e.message ?? e.keyword}）`,
  };
}

/** Problems of `config` against `schema` (empty when valid); a schema that cannot compile is one problem. */
export function checkConfig(id: string, schema: Record<string, unknown>, config: unknown): ConfigProblem[] {
  const validate = compile(id, schema);
  if (validate instanceof Error) {
    return [
      {
        pointer: '',
        en: `the widget's config schema cannot be used (${validate.message})`,
        zh: `该组件的配置模式无法使用（${validate.message}）`,
      },
    ];
  }
  if (validate(config)) return [];
  return (validate.errors ?? []).map(describe);
}

/** `/a/0/b` → `.a[0].b`, for field paths in the village config. */
export function pointerToPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`))
    .join('');
}
