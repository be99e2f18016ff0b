/**
 * The path parameters routes share, as zod schemas. npm sends a scoped name either encoded in one
 * segment (`/@deqing%2ffind-machinery`) or as two (`/@deqing/find-machinery`).
 */
import { z } from 'zod';
import { regError } from '../errors.js';

export const scopedParamsSchema = z.object({
  scope: z.string().describe('The scope, e.g. @deqing'),
  pkg: z.string().describe('The name inside the scope, e.g. find-machinery'),
});

export const encodedParamsSchema = z.object({
  pkg: z.string().describe('The whole name with its slash encoded, e.g. @deqing%2ffind-machinery'),
});

export const scopedVersionParamsSchema = scopedParamsSchema.extend({
  version: z.string().describe('An exact version, e.g. 1.0.0'),
});

/** `@scope` + `name` → `@scope/name`; anything else names no package of this registry. */
export function scopedName(params: { scope: string; pkg: string }, notFound: string): string {
  if (!params.scope.startsWith('@')) throw regError('REG_ERR_NOT_FOUND', notFound);
  return `${params.scope}/${params.pkg}`;
}
