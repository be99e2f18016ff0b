/**
 * Bad-input tests as tables: each row names the state before the call (`given`), the caller, the call and
 * the answer it must get; `checkRefusal` makes the call and returns what came back next to what was
 * wanted, so one `expect(got).toEqual(want)` per row checks the exact status, code and field, that the
 * message is zh-CN text, and that no table row and no audit entry changed.
 */

import { attempt } from './each-test.js';
import type { InjectOptions, ModuleTestApp } from './index.js';

/** Values a row's call uses: `:id` in its path is replaced by `params.id`, and so on. */
export type Params = Readonly<Record<string, string>>;

export interface Refusal<P extends Params = Params> {
  /** The state before the call; returns the values its path and body use. Default: a fresh module. */
  given?: (t: ModuleTestApp) => Promise<P>;
  as: InjectOptions['as'];
  /** `METHOD /path/:param?query`, relative to the module prefix. */
  call: string;
  /** A JSON body, raw bytes, or either made from the `given` values. */
  body?: unknown | ((params: P) => unknown);
  headers?: Record<string, string>;
  want: readonly [status: number, code: string, field?: string];
}

export interface Outcome {
  status: number;
  code: unknown;
  field?: unknown;
  /** The `message` is text a resident or cadre reads (it holds Han characters). */
  zhMessage: boolean;
  /** Any row of the module's tables, or the audit log, differs after the call. */
  changed: boolean;
}

/**
 * A row in one line, for tables kept one row a line:
 * `refusal(given.draft, cadre, 'POST /items/:id/approve', {}, '409 AFFAIRS_ERR_TRANSITION')`. `want` is
 * `status CODE` or `status CODE field`; `given` null is a fresh module.
 */
export function refusal<P extends Params>(
  given: ((t: ModuleTestApp) => Promise<P>) | null,
  as: InjectOptions['as'],
  call: string,
  body: Refusal<P>['body'],
  want: string,
  headers?: Record<string, string>,
): Refusal<P> {
  const [status, code, field] = want.split(' ');
  if (!status || !/^\d{3}$/.test(status) || !code)
    throw new Error(`want "${want}" is not "status CODE [field]"`);
  return {
    ...(given ? { given } : {}),
    as,
    call,
    ...(body === undefined ? {} : { body }),
    ...(headers ? { headers } : {}),
    want: field === undefined ? [Number(status), code] : [Number(status), code, field],
  };
}

const who = (as: InjectOptions['as']): string => {
  if (!as) return 'anonymous';
  if ('role' in as) return as.name;
  return `${as.user?.name ?? 'signed-out'} in ${as.village}`;
};

/** A row's test name: `cadre-xt: POST /items/:id/approve → AFFAIRS_ERR_TRANSITION`. */
export const refusalName = (row: Refusal<never>): string =>
  `${who(row.as)}: ${row.call} → ${row.want[1]}${row.want[2] ? ` (${row.want[2]})` : ''}`;

/** `[name, row]` pairs for `it.each(table(rows))('%s', (_, row) => …)`. */
export function refusalTable<P extends Params>(rows: readonly Refusal<P>[]): [string, Refusal<P>][] {
  return rows.map((row) => [refusalName(row as Refusal<never>), row]);
}

/** Runs the row against `t` and returns what came back and what the row wants, alike in shape. */
export async function checkRefusal<P extends Params>(
  t: ModuleTestApp,
  tables: readonly string[],
  row: Refusal<P>,
): Promise<{ got: Outcome; want: Outcome }> {
  const params = row.given ? await row.given(t) : ({} as P);
  const [method = 'GET', target = '/'] = row.call.split(' ');
  const url = target.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? `:${name}`));
  const body = typeof row.body === 'function' ? (row.body as (p: P) => unknown)(params) : row.body;
  const result = await attempt(t, tables, () =>
    t.inject({
      as: row.as,
      method: method as NonNullable<InjectOptions['method']>,
      url,
      ...(body === undefined ? {} : { payload: body }),
      ...(row.headers ? { headers: row.headers } : {}),
    }),
  );
  const [status, code, field] = row.want;
  const got: Outcome = {
    status: result.status,
    code: result.body.code,
    zhMessage: /[\u4e00-\u9fff]/.test(String(result.body.message ?? '')),
    changed: result.changed,
  };
  const want: Outcome = { status, code, zhMessage: true, changed: false };
  if (field !== undefined) {
    got.field = result.body.field;
    want.field = field;
  }
  return { got, want };
}
