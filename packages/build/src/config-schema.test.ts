import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTempDir } from '@cunmen/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfigSchema } from './config-schema.js';

let tmp: Awaited<ReturnType<typeof makeTempDir>>;
let count = 0;

beforeAll(async () => {
  tmp = await makeTempDir('cunmen-config-schema-');
});

afterAll(async () => {
  await tmp.remove();
});

/** Loads `src/config.ts` with the given body (after `import { z } from 'zod'`) from a fresh widget folder. */
async function load(body: string) {
  const root = join(tmp.path, `w${count++}`);
  mkdirSync(join(root, 'src'), { recursive: true });
  writeFileSync(join(root, 'package.json'), '{"name":"@deqing/w","version":"0.1.0","type":"module"}\n');
  writeFileSync(join(root, 'src/config.ts'), `import { z } from 'zod';\n${body}\n`);
  const result = await loadConfigSchema(root, './src/config.ts');
  if (!result.ok) throw new Error(result.issues.map((i) => i.en).join('\n'));
  return result;
}

describe('loadConfigSchema', () => {
  it('closes a plain z.object: an unknown key is refused by the JSON Schema; defaults still come out', async () => {
    const { schema, defaults } = await load(
      "export const configSchema = z.object({ heading: z.string().max(20).default('找农机'), pageSize: z.number().default(20) });",
    );
    expect(schema).toEqual({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: {
        heading: { type: 'string', maxLength: 20, default: '找农机' },
        pageSize: { type: 'number', default: 20 },
      },
      additionalProperties: false,
    });
    expect(defaults).toEqual({ heading: '找农机', pageSize: 20 });
  });

  it('closes nested objects, objects in arrays, records and defaults, and shared definitions', async () => {
    const { schema, defaults } = await load(`
      const contact = z.object({ phone: z.string().default('') }).meta({ id: 'Contact' });
      export const configSchema = z.object({
        contact: contact.default({ phone: '' }),
        backup: contact.optional(),
        hours: z.object({ open: z.string().default('08:00') }).default({ open: '08:00' }),
        stops: z.array(z.object({ name: z.string() })).default([]),
        byDay: z.record(z.string(), z.object({ count: z.number() })).default({}),
        both: z.intersection(z.object({ a: z.string() }), z.object({ b: z.string() })).optional(),
      });`);
    const props = (schema as { properties: Record<string, Record<string, unknown>> }).properties;
    expect(schema).toMatchObject({
      additionalProperties: false,
      $defs: { Contact: { type: 'object', additionalProperties: false } },
    });
    expect(props.hours).toMatchObject({ type: 'object', additionalProperties: false });
    expect(props.stops).toMatchObject({ items: { type: 'object', additionalProperties: false } });
    expect(props.byDay).toMatchObject({
      additionalProperties: { type: 'object', additionalProperties: false },
    });
    // The members' keys are pooled, so the closed intersection still accepts both.
    expect(props.both).toMatchObject({
      properties: { a: { type: 'string' }, b: { type: 'string' } },
      additionalProperties: false,
    });
    expect(defaults).toEqual({ contact: { phone: '' }, hours: { open: '08:00' }, stops: [], byDay: {} });
  });

  it('leaves open what the author opened on purpose: z.looseObject and .catchall()', async () => {
    const { schema } = await load(`
      export const configSchema = z.object({
        extras: z.looseObject({ note: z.string().optional() }),
        counts: z.object({}).catchall(z.number()),
        strict: z.strictObject({ on: z.boolean().default(true) }),
      });`);
    const props = (schema as { properties: Record<string, Record<string, unknown>> }).properties;
    expect(props.extras?.additionalProperties).toEqual({});
    expect(props.counts?.additionalProperties).toEqual({ type: 'number' });
    expect(props.strict?.additionalProperties).toBe(false);
    expect(schema).toMatchObject({ additionalProperties: false });
  });

  it('a z.looseObject at the top stays open', async () => {
    const { schema } = await load(
      "export const configSchema = z.looseObject({ heading: z.string().default('x') });",
    );
    expect(schema).toMatchObject({ additionalProperties: {} });
  });

  it('has no schema and no defaults when the widget declares no config module', async () => {
    expect(await loadConfigSchema(tmp.path, undefined)).toEqual({ ok: true, schema: null, defaults: null });
  });

  describe('the module itself', () => {
    // Inside this package, so `zod` resolves natively from the widget's folder as in a real widget.
    const here = fileURLToPath(new URL('..', import.meta.url));
    let root: string;
    beforeAll(() => {
      root = mkdtempSync(join(here, '.config-schema-test-'));
      mkdirSync(join(root, 'src'));
      writeFileSync(join(root, 'package.json'), '{"name":"@deqing/w","version":"0.1.0","type":"module"}\n');
    });
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    it('is imported with its types stripped and leaves no file behind', async () => {
      writeFileSync(
        join(root, 'src/config.ts'),
        "import { z } from 'zod';\ntype Heading = string;\nconst fallback: Heading = '找农机';\nexport const configSchema = z.object({ heading: z.string().default(fallback) });\n",
      );
      const result = await loadConfigSchema(root, './src/config.ts');
      expect(result).toMatchObject({ ok: true, defaults: { heading: '找农机' } });
      expect(readdirSync(join(root, 'src'))).toEqual(['config.ts']);
    });

    it('still loads a config that imports another TypeScript file (through jiti)', async () => {
      writeFileSync(join(root, 'src/types.ts'), "export const TYPES: string[] = ['收割机'];\n");
      writeFileSync(
        join(root, 'src/config2.ts'),
        "import { z } from 'zod';\nimport { TYPES } from './types';\nexport const configSchema = z.object({ types: z.array(z.string()).default(TYPES) });\n",
      );
      const result = await loadConfigSchema(root, './src/config2.ts');
      expect(result).toMatchObject({ ok: true, defaults: { types: ['收割机'] } });
      expect(readdirSync(join(root, 'src')).sort()).toEqual(['config.ts', 'config2.ts', 'types.ts']);
    });
  });
});
