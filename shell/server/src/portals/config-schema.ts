/**
 * A widget's village config checked against the JSON Schema its build emitted (zod 4's converter,
 * draft 2020-12) with Ajv, every problem at once (`allErrors`), in zh-CN for cadres and English for
 * developers (./config-messages.ts). Formats (`email`, `uri`, `date`…) are checked too.
 *
 * Unknown keys are refused: the build preset emits `additionalProperties: false`, and a schema built
 * before that says nothing about additional properties is read as closed here, so a `{"color":"red"}`
 * typed into an older widget's config is refused as well. A schema that lists `properties` and has none
 * of `additionalProperties`, `unevaluatedProperties` or `patternProperties` is closed, except as a direct
 * member of `allOf` (its properties combine with its siblings'). A schema that wants extra keys says so
 * (`additionalProperties: {}` — zod's `looseObject`). Compiled validators are cached per widget version.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { closeObjects } from './config-check.js';
import { type ConfigProblem, describeErrors, pointerSegments } from './config-messages.js';

export { closeObjects } from './config-check.js';
export type { ConfigProblem } from './config-messages.js';

type Schema = Record<string, unknown>;

const ajv = new Ajv2020({ strict: false, allErrors: true, verbose: true });
addFormats.default(ajv);
const cache = new Map<string, ValidateFunction | Error>();

function compile(id: string, schema: Schema): ValidateFunction | Error {
  const hit = cache.get(id);
  if (hit) return hit;
  let result: ValidateFunction | Error;
  try {
    const { $schema: _ignored, $id: _id, ...rest } = schema;
    result = ajv.compile(closeObjects(rest));
  } catch (err) {
    result = err instanceof Error ? err : new Error(String(err));
  }
  cache.set(id, result);
  return result;
}

/** Problems of `config` against `schema` (empty when valid); a schema that cannot compile is one problem. */
export function checkConfig(id: string, schema: Schema, config: unknown): ConfigProblem[] {
  const validate = compile(id, schema);
  if (validate instanceof Error) {
    return [
      {
        pointer: '',
        en: `the widget's config schema cannot be used (${validate.message})`,
        zh: '该组件的配置说明（配置模式）有误，无法检查配置，请联系组件开发者',
      },
    ];
  }
  if (validate(config)) return [];
  return describeErrors(validate.errors ?? []);
}

/** `/a/0/b` → `.a[0].b`, for field paths in the village config. */
export function pointerToPath(pointer: string): string {
  return pointerSegments(pointer)
    .map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`))
    .join('');
}
