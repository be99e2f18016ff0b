/**
 * A hot read compiled once: Kysely builds and compiles a query on every call, a tenth of the registry's
 * time per packument, tarball or asset read (bench profile). The query is compiled with sentinel
 * values, and each call runs the same SQL with the sentinels replaced by its own values, in whatever
 * order the dialect put them.
 */
import type { Compilable, CompiledQuery, Kysely } from 'kysely';

export function compiledRead<K extends string, R>(
  db: Kysely<never>,
  keys: readonly K[],
  build: (sentinels: Record<K, string>) => Compilable<R>,
): (values: Record<K, unknown>) => Promise<R | undefined> {
  let template: CompiledQuery<R> | null = null;
  const sentinels = Object.fromEntries(keys.map((k) => [k, `\u0000compiled-read:${k}\u0000`])) as Record<
    K,
    string
  >;
  const byValue = new Map<unknown, K>(keys.map((k) => [sentinels[k], k]));
  return async (values) => {
    template ??= build(sentinels).compile();
    const parameters = template.parameters.map((p) => {
      const key = byValue.get(p);
      return key === undefined ? p : values[key];
    });
    const { rows } = await db.executeQuery<R>({ ...template, parameters });
    return rows[0];
  };
}
