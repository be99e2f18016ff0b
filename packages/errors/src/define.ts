/**
 * One way to declare errors for every part of Cunmen. A family is a prefix (`REG`, `SHELL`, `AFFAIRS`),
 * a docs page and a table `code → { status, en, zh }`: clients branch on `code`, developers read `en`,
 * residents and cadres read `zh`. The table is the only place a code, its status and its default texts
 * are written; a docs-sync test (see `./docs`) keeps the family's page in step with it.
 *
 * Framework-free and zod-free: the same definitions serve the servers, the SDK and the browser shell.
 */

/** One code's HTTP status (or the status a browser error stands for) and its default texts. */
export interface ErrorSpec {
  readonly status: number;
  /** English, for developers and logs. */
  readonly en: string;
  /** zh-CN, safe to show a resident or cadre. */
  readonly zh: string;
}

export type ErrorTable = Readonly<Record<string, ErrorSpec>>;

/** What a thrower may say beyond the code's defaults. */
export interface ErrorDetail {
  /** English text for this occurrence (defaults to the code's `en`). */
  en?: string;
  /** zh-CN text for this occurrence (defaults to the code's `zh`). */
  zh?: string;
  /** The input field that was refused, as a dotted path (`widgets.0.config.heading`, `x-filename`). */
  field?: string;
  /** The widget a problem is about (`@deqing/find-machinery`). */
  widget?: string;
  cause?: unknown;
}

/** An error with a stable code. Its `message` is the English text; `zh` the text people see. */
export class CunmenError extends Error {
  override name = 'CunmenError';
  readonly code: string;
  readonly status: number;
  readonly zh: string;
  readonly field: string | undefined;
  readonly widget: string | undefined;
  readonly docsLink: string;

  constructor(code: string, spec: ErrorSpec, docsPage: string, detail: ErrorDetail = {}) {
    super(detail.en ?? spec.en, detail.cause === undefined ? undefined : { cause: detail.cause });
    this.code = code;
    this.status = spec.status;
    this.zh = detail.zh ?? spec.zh;
    this.field = detail.field;
    this.widget = detail.widget;
    this.docsLink = docsLinkOf(docsPage, code);
  }

  /** Kept for code that reads Fastify's name for the status. */
  get statusCode(): number {
    return this.status;
  }
}

/** True for a `CunmenError`, also one made by another copy of this package (a widget's bundled SDK). */
export function isCunmenError(err: unknown): err is CunmenError {
  if (err instanceof CunmenError) return true;
  if (typeof err !== 'object' || err === null) return false;
  const e = err as Partial<CunmenError>;
  return (
    typeof e.code === 'string' &&
    typeof e.status === 'number' &&
    typeof e.zh === 'string' &&
    typeof e.message === 'string'
  );
}

/** `<page>#<code in lower case>`: the anchor a docs heading `### CODE` gets. */
export function docsLinkOf(docsPage: string, code: string): string {
  return `${docsPage}#${code.toLowerCase()}`;
}

export interface ErrorFamily<T extends ErrorTable> {
  /** `REG`, `SHELL`, `AFFAIRS`: every code is `<prefix>_ERR_<NAME>`. */
  readonly prefix: string;
  /** The docs page (site path, e.g. `/docs/province/run-the-registry`) that lists every code. */
  readonly docsPage: string;
  readonly codes: T;
  /** A coded error to throw. */
  error(code: keyof T & string, detail?: ErrorDetail): CunmenError;
  /** True when `err` is a `CunmenError` carrying one of this family's codes. */
  owns(err: unknown): err is CunmenError;
  docsLink(code: keyof T & string): string;
}

/**
 * Declares a family. Codes must carry the prefix (`defineErrors('REG', …)` takes only `REG_ERR_…`), so a
 * code read anywhere says which part raised it.
 *
 * @example
 * export const registryErrors = defineErrors('REG', '/docs/province/run-the-registry', {
 *   REG_ERR_VERSION_EXISTS: { status: 409, en: 'this version exists', zh: '该版本已存在' },
 * });
 * throw registryErrors.error('REG_ERR_VERSION_EXISTS', { en: `${name}@${version} exists` });
 */
export function defineErrors<const T extends ErrorTable>(
  prefix: string,
  docsPage: string,
  codes: T,
): ErrorFamily<T> {
  for (const code of Object.keys(codes)) {
    if (!code.startsWith(`${prefix}_ERR_`)) {
      throw new Error(`error code ${code} does not start with ${prefix}_ERR_`);
    }
  }
  const table = codes as ErrorTable;
  return {
    prefix,
    docsPage,
    codes,
    error(code, detail) {
      const spec = table[code];
      if (!spec) throw new Error(`unknown error code ${code}`);
      return new CunmenError(code, spec, docsPage, detail);
    },
    owns(err): err is CunmenError {
      return isCunmenError(err) && Object.hasOwn(table, err.code);
    },
    docsLink(code) {
      return docsLinkOf(docsPage, code);
    },
  };
}
