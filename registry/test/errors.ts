/** What a refused request answers, for tests to compare whole bodies. */
import { expect } from 'vitest';
import { type RegistryErrorCode, registryErrors } from '../src/errors.js';

/**
 * The one error body of `code` with this occurrence's English text, the code's zh-CN text and a
 * request id; `field` when the refusal names an input.
 */
export function errorBody(code: RegistryErrorCode, error: string, field?: string) {
  return {
    error,
    code,
    message: registryErrors.codes[code].zh,
    requestId: expect.any(String),
    ...(field === undefined ? {} : { field }),
  };
}
