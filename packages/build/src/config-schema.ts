/**
 * The village-config form of a widget: the developer writes a zod schema (`export const configSchema`)
 * in the module named by `widget.json#config`; the build turns it into JSON Schema and defaults.
 *
 * The schema is closed: zod's plain `z.object` silently strips a key it does not know, but the shell
 * validates a village's config against the JSON Schema and stores what passes, so an unknown key
 * (a typo, a setting from another widget) must be refused there instead of being kept forever. Every
 * object without an explicit catchall gets `additionalProperties: false`; an author who wants extra
 * keys says so with `z.looseObject` or `.catchall(...)`, which are left as written.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ManifestIssue } from '@cunmen/manifest';
import { rspack } from '@rsbuild/core';
import { createJiti } from 'jiti';
import { z } from 'zod';

export type ConfigSchemaResult =
  | { ok: true; schema: Record<string, unknown> | null; defaults: Record<string, unknown> | null }
  | { ok: false; issues: ManifestIssue[] };

/**
 * `override` hook for `z.toJSONSchema`: closes every object the author left at zod's default (strip).
 * `z.strictObject` already emits `false`; a catchall (`z.looseObject`, `.catchall(x)`) stays open.
 */
function closePlainObjects(ctx: {
  zodSchema: z.core.$ZodTypes;
  jsonSchema: z.core.JSONSchema.BaseSchema;
}): void {
  const def = ctx.zodSchema._zod.def;
  if (def.type === 'object' && def.catchall === undefined) ctx.jsonSchema.additionalProperties = false;
}

/**
 * The config module, imported natively after rspack's SWC (loaded for the build anyway) strips its
 * types: a hidden `.mjs` beside it, so its imports resolve as the author wrote them, removed at once.
 * jiti (which transpiles every module the file imports, zod included, through Babel) was the largest
 * share of `cunmen build`'s own time (bench profile); it stays the fallback for what Node cannot
 * import this way — a config that imports other TypeScript files, or a package that only jiti resolves.
 */
async function importConfig(root: string, file: string): Promise<Record<string, unknown>> {
  const path = join(root, file);
  try {
    const { code } = await rspack.experiments.swc.transform(readFileSync(path, 'utf8'), {
      filename: path,
      jsc: { parser: { syntax: 'typescript', tsx: path.endsWith('x') }, target: 'es2022' },
      module: { type: 'es6' },
      sourceMaps: false,
    });
    const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.mjs`);
    writeFileSync(temp, code);
    try {
      return (await import(pathToFileURL(temp).href)) as Record<string, unknown>;
    } finally {
      rmSync(temp, { force: true });
    }
  } catch {
    const jiti = createJiti(join(root, 'package.json'), {
      moduleCache: false,
      fsCache: false,
      interopDefault: true,
    });
    return (await jiti.import(path)) as Record<string, unknown>;
  }
}

export async function loadConfigSchema(root: string, file: string | undefined): Promise<ConfigSchemaResult> {
  if (file === undefined) return { ok: true, schema: null, defaults: null };
  const fail = (en: string, zh: string): ConfigSchemaResult => ({
    ok: false,
    issues: [{ path: 'config', en: `config: ${en}`, zh: `config：${zh}` }],
  });
  let mod: Record<string, unknown>;
  try {
    mod = await importConfig(root, file);
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    return fail(`${file} could not be loaded (${reason})`, `${file} 无法加载（${reason}）`);
  }
  const schema = mod.configSchema;
  if (!(schema instanceof Object) || typeof (schema as { safeParse?: unknown }).safeParse !== 'function') {
    return fail(
      `${file} must export a zod schema named configSchema`,
      `${file} 必须导出名为 configSchema 的 zod 模式`,
    );
  }
  const zodSchema = schema as z.ZodType;
  let json: Record<string, unknown>;
  try {
    json = z.toJSONSchema(zodSchema, {
      io: 'input',
      unrepresentable: 'throw',
      override: closePlainObjects,
    }) as Record<string, unknown>;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return fail(
      `configSchema cannot be expressed as JSON Schema (${reason})`,
      `configSchema 无法转换为 JSON Schema（${reason}）`,
    );
  }
  if (json.type !== 'object')
    return fail('configSchema must be a z.object(...)', 'configSchema 必须是 z.object(...)');
  const defaults = zodSchema.safeParse({});
  return {
    ok: true,
    schema: json,
    defaults: defaults.success ? (defaults.data as Record<string, unknown>) : null,
  };
}
