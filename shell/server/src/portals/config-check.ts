/**
 * The parts of a widget's config check that the staff console runs in the browser too, so a cadre sees
 * the server's verdict before saving (`@cunmen/shell-server/config-check`): which object schemas are
 * closed to unknown keys, and every problem in the words the server uses. Framework-free and
 * validator-free — the server checks with Ajv (./config-schema.ts); the console, whose CSP forbids the
 * code generation Ajv needs, with an interpreting validator whose findings it hands to `describeErrors`
 * in Ajv's shape.
 */
export {
  type ConfigProblem,
  describeErrors,
  keyPath,
  pointerSegments,
} from './config-messages.js';

type Schema = Record<string, unknown>;

/** Keywords whose value is one subschema, and those whose value is a list or a map of them. */
const ONE = ['items', 'contains', 'not', 'if', 'then', 'else', 'propertyNames', 'additionalItems'];
const LIST = ['prefixItems', 'anyOf', 'oneOf', 'allOf'];
const MAP = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];

const isSchema = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A copy of `schema` with every object schema that does not say otherwise closed to unknown keys. */
export function closeObjects(schema: Schema, inAllOf = false): Schema {
  const out: Schema = { ...schema };
  for (const key of ONE) if (isSchema(out[key])) out[key] = closeObjects(out[key] as Schema);
  for (const key of LIST) {
    const list = out[key];
    if (Array.isArray(list)) {
      out[key] = list.map((s) => (isSchema(s) ? closeObjects(s, key === 'allOf') : s));
    }
  }
  for (const key of MAP) {
    const map = out[key];
    if (isSchema(map)) {
      out[key] = Object.fromEntries(
        Object.entries(map).map(([k, s]) => [k, isSchema(s) ? closeObjects(s) : s]),
      );
    }
  }
  if (isSchema(out.additionalProperties)) {
    out.additionalProperties = closeObjects(out.additionalProperties as Schema);
  }
  const open = ['additionalProperties', 'unevaluatedProperties', 'patternProperties'].some((k) => k in out);
  if (isSchema(out.properties) && !open && !inAllOf) out.additionalProperties = false;
  return out;
}
