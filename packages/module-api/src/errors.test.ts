/** The shared module codes and their docs page stay in step; the shared helpers answer in the one body. */
import { readFileSync } from 'node:fs';
import { isCunmenError } from '@cunmen/errors';
import { docsDrift } from '@cunmen/errors/docs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MODULE_DOCS_PAGE, moduleError, moduleErrors, parseInput } from './errors.js';

const page = readFileSync(
  new URL('../../../docs/docs/developers/standard-modules.md', import.meta.url),
  'utf8',
);

describe('moduleErrors', () => {
  it('is documented on docs/docs/developers/standard-modules.md, status by status', () => {
    expect(MODULE_DOCS_PAGE).toBe('/docs/developers/standard-modules');
    expect(docsDrift(moduleErrors, page)).toEqual({ undocumented: [], unknown: [], wrongStatus: [] });
  });
});

describe('parseInput', () => {
  const schema = z.object({ title: z.string().min(1), count: z.number().int() }).strict();

  it('returns the parsed value, and reads an absent body as {}', () => {
    expect(parseInput(schema, { title: 'a', count: 1 })).toEqual({ title: 'a', count: 1 });
    expect(parseInput(z.object({}).strict(), undefined)).toEqual({});
  });

  it('names the first field refused and lists every issue', () => {
    try {
      parseInput(schema, { title: '', count: 1.5 });
      expect.unreachable();
    } catch (err) {
      expect(isCunmenError(err)).toBe(true);
      expect(err).toMatchObject({ code: 'MODULE_ERR_INVALID_ARGUMENT', status: 400, field: 'title' });
      expect((err as Error).message).toMatch(/^title: .+; count: /);
      expect((err as { zh: string }).zh).toBe('title：填写有误');
    }
  });

  it('names the query string as where the root problem is', () => {
    expect(() => parseInput(z.string(), undefined, 'query')).toThrow(
      expect.objectContaining({ field: '(query)' }),
    );
  });
});

describe('moduleError', () => {
  it('relays a code of another family with its own status and texts', () => {
    const err = moduleError(403, 'SHELL_ERR_FORBIDDEN', 'not yours', '不是你的');
    expect(err).toMatchObject({ code: 'SHELL_ERR_FORBIDDEN', status: 403, zh: '不是你的', field: undefined });
    expect(err.message).toBe('not yours');
  });
});
