/** Request bodies of the identity routes, checked by zod. */
import { parseWith } from '@cunmen/errors';
import type { z } from 'zod';
import { shellErrors } from '../errors.js';

/** The body parsed by `schema`, or a 400 naming the first field that is wrong. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  return parseWith(schema, body ?? {}, shellErrors, 'SHELL_ERR_BAD_REQUEST');
}
