/**
 * The settings form's validator (@rjsf's `ValidatorType`) over config-check.ts: the form shows the
 * server's Chinese sentence under each field, and a server refusal's `problems` land on the same fields
 * (`problemsToErrorSchema`). Labels come from the schema the way the server names a field: its `title`,
 * else a short `description` (zod's `.describe('页面标题')`).
 */
import type { ConfigProblem } from '@cunmen/shell-server/config-check';
import {
  type ErrorSchema,
  ErrorSchemaBuilder,
  type RJSFSchema,
  type RJSFValidationError,
  toErrorSchema,
  type ValidatorType,
} from '@rjsf/utils';
import { checkedSchema, configProblems, fits } from './config-check.js';

type Config = Record<string, unknown>;

/** `/types/0` → `['types', '0']`. */
const pathOf = (pointer: string) =>
  pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));

/** The part of a problem's sentence after the field's name (the form shows it under that field). */
const ruleOf = (message: string) => message.slice(message.indexOf('：') + 1);

export function createValidator(defaults: Config | null): ValidatorType<Config> {
  return {
    validateFormData(formData, schema, _customValidate, transformErrors, uiSchema) {
      const problems = configProblems(schema as Config, formData ?? {}, defaults);
      let errors: RJSFValidationError[] = problems.map((p) => ({
        name: 'config',
        property: pathOf(p.pointer)
          .map((s) => `.${s}`)
          .join(''),
        message: ruleOf(p.zh),
        stack: p.zh,
        params: {},
      }));
      if (transformErrors) errors = transformErrors(errors, uiSchema);
      return { errors, errorSchema: toErrorSchema<Config>(errors) };
    },
    isValid(schema, formData, rootSchema) {
      return fits(schema as Config, formData, rootSchema as Config);
    },
    rawValidation(schema, formData) {
      return { errors: configProblems(schema as Config, (formData ?? {}) as Config, defaults) as never[] };
    },
  };
}

/**
 * Server problems on their fields: `widgets[3].config.heading` of widget 3 → `{heading: {__errors}}`.
 * Problems of another widget, or of the config as a whole, are left to the page's message.
 */
export function problemsToErrorSchema(
  problems: readonly { field: string; message: string }[],
  widgetIndex: number,
): ErrorSchema<Config> {
  const prefix = `widgets[${widgetIndex}].config`;
  const builder = new ErrorSchemaBuilder<Config>();
  for (const p of problems) {
    if (!p.field.startsWith(`${prefix}.`) && !p.field.startsWith(`${prefix}[`)) continue;
    const path = p.field
      .slice(prefix.length)
      .split(/\.|\[(\d+)\]/)
      .filter((s): s is string => s !== undefined && s !== '');
    builder.addErrors(ruleOf(p.message), path);
  }
  return builder.ErrorSchema;
}

/** Problems found in the browser, as a server refusal lists them (for one summary above the form). */
export function problemLines(problems: readonly ConfigProblem[]): string[] {
  return problems.map((p) => p.zh);
}

const shortText = (t: unknown): t is string =>
  typeof t === 'string' && t.trim() !== '' && t.trim().length <= 30 && !t.includes('\n');

/**
 * The schema the form renders: the checked one (closed objects), each property labelled by its title
 * or short description — the description then is not repeated as help.
 */
export function formSchema(schema: Config): RJSFSchema {
  const label = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(label);
    if (typeof node !== 'object' || node === null) return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      out[k] =
        k === 'properties' && typeof v === 'object' && v !== null
          ? Object.fromEntries(Object.entries(v).map(([name, s]) => [name, titled(label(s))]))
          : typeof v === 'object'
            ? label(v)
            : v;
    }
    return out;
  };
  const titled = (s: unknown) => {
    if (typeof s !== 'object' || s === null) return s;
    const node = s as Record<string, unknown>;
    if (node.title !== undefined || !shortText(node.description)) return node;
    const { description, ...rest } = node;
    return { ...rest, title: description.trim() };
  };
  return label(checkedSchema(schema)) as RJSFSchema;
}

/** What the draft keeps of the form: only the settings that differ from the service's defaults. */
export function changedFromDefaults(data: Config, defaults: Config | null): Config {
  const out: Config = {};
  for (const [key, value] of Object.entries(data)) {
    if (value === undefined) continue;
    if (defaults && JSON.stringify(defaults[key]) === JSON.stringify(value)) continue;
    out[key] = value;
  }
  return out;
}
