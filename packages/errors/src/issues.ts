/**
 * Schema problems → one coded error that names the field. Takes issues structurally (zod's `issues`, or
 * anything with `path` and `message`), so browser code that validates without zod can use it too.
 */
import type { CunmenError, ErrorFamily, ErrorTable } from './define.js';

export interface IssueLike {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** `widgets.0.config.heading`; the root is `(where)` (`(body)`, `(query)`). */
export function fieldOfPath(path: readonly PropertyKey[], where = 'body'): string {
  return path.length ? path.map(String).join('.') : `(${where})`;
}

/**
 * The first issue becomes the error's `field`; its English text lists every issue
 * (`heading: Too big; color: Unrecognized key`), so a developer fixes them in one go.
 */
export function errorFromIssues<T extends ErrorTable>(
  family: ErrorFamily<T>,
  code: keyof T & string,
  issues: readonly IssueLike[],
  where = 'body',
): CunmenError {
  const first = issues[0];
  const field = first ? fieldOfPath(first.path, where) : `(${where})`;
  const en = issues.length
    ? issues.map((i) => `${fieldOfPath(i.path, where)}: ${i.message}`).join('; ')
    : `(${where}): invalid`;
  const zh = `${field}：${family.codes[code]?.zh ?? '填写有误'}`;
  return family.error(code, { en, zh, field });
}

/** Parses with anything that has zod's `safeParse`; failure throws {@link errorFromIssues}. */
export function parseWith<T, F extends ErrorTable>(
  schema: {
    safeParse(
      v: unknown,
    ): { success: true; data: T } | { success: false; error: { issues: readonly IssueLike[] } };
  },
  value: unknown,
  family: ErrorFamily<F>,
  code: keyof F & string,
  where = 'body',
): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw errorFromIssues(family, code, result.error.issues, where);
}
