/**
 * A service's settings checked in the browser against the JSON Schema the shell checks a save against
 * (the release's `configSchema`, closed to unknown keys the server's way), every problem in the
 * server's own Chinese (`describeErrors` of `@cunmen/shell-server/config-check`). The console's CSP
 * forbids the code generation Ajv relies on, so an interpreting validator (@cfworker/json-schema, draft
 * 2020-12) finds the problems; each is handed over in Ajv's shape (keyword, places, params read from
 * the schema), which is all the server's sentences read.
 */
import { type OutputUnit, Validator } from '@cfworker/json-schema';
import { type ConfigProblem, closeObjects, describeErrors } from '@cunmen/shell-server/config-check';

type Schema = Record<string, unknown>;
type AjvError = Parameters<typeof describeErrors>[0][number];

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `#/a/0/b` → `['a', '0', 'b']` (JSON pointer escapes undone). */
function segments(location: string): string[] {
  return location
    .replace(/^#/, '')
    .split('/')
    .slice(1)
    .map((p) => decodeURIComponent(p).replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The value at `path` inside `root`, following local `$ref`s on the way. */
function at(root: unknown, path: readonly string[]): unknown {
  let node = root;
  for (const seg of path) {
    if (seg === '$ref' && isObject(node) && typeof node.$ref === 'string') {
      node = at(root, segments(node.$ref));
      continue;
    }
    node = isObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[seg] : undefined;
  }
  return node;
}

const pointer = (path: readonly string[]) =>
  path.map((p) => `/${p.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

/** Keywords that only say "something inside failed": the inner problem is reported on its own. */
const CONTAINERS = new Set([
  'properties',
  'items',
  'prefixItems',
  'allOf',
  '$ref',
  'dependentSchemas',
  '$dynamicRef',
]);

function duplicates(list: unknown[]): { i: number; j: number } {
  const seen = new Map<string, number>();
  for (const [j, item] of list.entries()) {
    const key = JSON.stringify(item);
    const i = seen.get(key);
    if (i !== undefined) return { i: j, j: i };
    seen.set(key, j);
  }
  return { i: 0, j: 0 };
}

/** One validator finding as Ajv errors (several for `required` and `additionalProperties`). */
function toAjv(unit: OutputUnit, schema: Schema, data: unknown): AjvError[] {
  const keywordPath = segments(unit.keywordLocation);
  const parentSchema = at(schema, keywordPath.slice(0, -1)) as Schema | undefined;
  const instance = segments(unit.instanceLocation);
  const value = at(data, instance);
  const base = {
    // Ajv's name for a `false` subschema.
    keyword: unit.keyword === 'false' ? 'false schema' : unit.keyword,
    instancePath: pointer(instance),
    schemaPath: unit.keywordLocation,
    parentSchema,
    data: value,
    message: unit.error,
  };
  const s = parentSchema ?? {};
  switch (unit.keyword) {
    case 'required': {
      const required = Array.isArray(s.required) ? (s.required as string[]) : [];
      const missing = isObject(value) ? required.filter((k) => !(k in value)) : [];
      return missing.map((missingProperty) => ({ ...base, params: { missingProperty } }));
    }
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const known = Object.keys(isObject(s.properties) ? s.properties : {});
      const patterns = Object.keys(isObject(s.patternProperties) ? s.patternProperties : {}).map(
        (p) => new RegExp(p, 'u'),
      );
      const extra = isObject(value)
        ? Object.keys(value).filter((k) => !known.includes(k) && !patterns.some((p) => p.test(k)))
        : [];
      const key = unit.keyword === 'additionalProperties' ? 'additionalProperty' : 'unevaluatedProperty';
      return extra.map((name) => ({ ...base, params: { [key]: name } }));
    }
    case 'type':
      return [{ ...base, params: { type: s.type } }];
    case 'enum':
      return [{ ...base, params: { allowedValues: s.enum } }];
    case 'const':
      return [{ ...base, params: { allowedValue: s.const } }];
    case 'uniqueItems':
      return [{ ...base, params: Array.isArray(value) ? duplicates(value) : {} }];
    case 'oneOf':
      return [{ ...base, params: /more than one/i.test(unit.error) ? { passingSchemas: [0, 1] } : {} }];
    case 'pattern':
    case 'format':
    case 'multipleOf':
      return [{ ...base, params: { [unit.keyword]: s[unit.keyword] } }];
    default:
      return [{ ...base, params: { limit: s[unit.keyword] } }];
  }
}

/** The schema as the server checks it: without `$schema`/`$id`, its objects closed to unknown keys. */
export function checkedSchema(schema: Schema): Schema {
  const { $schema: _s, $id: _i, ...rest } = schema;
  return closeObjects(rest);
}

/**
 * Every problem of `config` (the service's defaults filled in, as the server does) against `schema`,
 * in the server's words; empty when it fits.
 */
export function configProblems(
  schema: Schema,
  config: Record<string, unknown>,
  defaults: Record<string, unknown> | null = null,
): ConfigProblem[] {
  const closed = checkedSchema(schema);
  const data = { ...(defaults ?? {}), ...config };
  const result = new Validator(closed as never, '2020-12', false).validate(data);
  if (result.valid) return [];
  const units = result.errors.filter((u) => !CONTAINERS.has(u.keyword));
  const errors = units.flatMap((u) => toAjv(u, closed, data));
  // A key refused as unknown also fails its `false` schema: one problem, said once.
  const unknown = new Set(
    errors
      .filter((e) => e.keyword === 'additionalProperties' || e.keyword === 'unevaluatedProperties')
      .map((e) => `${e.instancePath}/${String(Object.values(e.params)[0])}`),
  );
  return describeErrors(errors.filter((e) => !(e.keyword === 'false schema' && unknown.has(e.instancePath))));
}

/** Whether `data` fits `schema` (for the form's choices between `anyOf` branches and the like). */
export function fits(schema: Schema, data: unknown, root: Schema = schema): boolean {
  const withDefs = { ...schema, ...(root.$defs ? { $defs: root.$defs } : {}) };
  return new Validator(withDefs as never, '2020-12', true).validate(data).valid;
}
