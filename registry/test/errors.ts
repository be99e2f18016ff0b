/** What a refused request answers, for tests to compare whole bodies. */
import { expect } from 'vitest';
import { type RegistryErrorCode, registryErrors } from '../src/errors.js';

/** `error` as the registry sends it: the occurrence's text, then `(CODE; see <docs link>)`. */
export function npmText(code: RegistryErrorCode, error: string): string {
  return `${error} (${code}; see ${registryErrors.docsLink(code)})`;
}

/**
 * The one error body of `code` with this occurrence's English text (ending, as npm prints it, with the
 * code and its docs link), the code's zh-CN text and a request id; `field` when the refusal names an
 * input.
 */
export function errorBody(code: RegistryErrorCode, error: string, field?: string) {
  return {
    error: npmText(code, error),
    code,
    message: registryErrors.codes[code].zh,
    requestId: expect.any(String),
    ...(field === undefined ? {} : { field }),
  };
}
