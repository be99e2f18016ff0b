/**
 * The inputs of the one-widget operations, one schema each, read the same from an HTTP body and from
 * the command line's flags: a refused input lists every problem (`problems`) and names the first field.
 */
import { packageNameSchema, placementSchema, routeSchema } from '@cunmen/manifest';
import { z } from 'zod';
import { refusalOfIssues } from './save-body.js';

/** A version as a cadre writes it: exact (`1.2.0`), a range (`^1.2.0`, `1.x`) or `latest`. */
const versionSpec = z.string().trim().min(1).max(64);

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** A config key or dotted path (`radiusKm`, `contact.phone`). */
const keyPath = z
  .string()
  .min(1)
  .max(200)
  .refine((k) => k.split('.').every((seg) => seg !== '' && !FORBIDDEN_KEYS.has(seg)), {
    message: 'a config key or dotted path such as radiusKm or contact.phone',
    params: { zh: '应为配置项名称或以点分隔的路径，例如 radiusKm 或 contact.phone' },
  });

const configObject = z.record(z.string(), z.unknown());
const placements = z.array(placementSchema).min(1).max(20);
const orderedSlot = z.enum(['village.home.tile/v1', 'village.nav/v1', 'cadre.page/v1']);

export const addWidgetInput = z.strictObject({
  name: packageNameSchema,
  version: versionSpec.optional(),
  config: configObject.optional(),
  placements: placements.optional(),
  route: routeSchema.optional(),
  tile: z.boolean().default(true),
  nav: z.boolean().default(true),
  position: z.number().int().min(1).optional(),
});
export type AddWidgetInput = z.input<typeof addWidgetInput>;

export const moveWidgetInput = z
  .strictObject({
    to: z.number().int().min(1).optional(),
    before: packageNameSchema.optional(),
    after: packageNameSchema.optional(),
    slots: z.array(orderedSlot).min(1).max(3).optional(),
  })
  .refine((m) => [m.to, m.before, m.after].filter((v) => v !== undefined).length === 1, {
    message: 'give exactly one of "to" (a position, 1 = first), "before" or "after"',
    params: { zh: '请在 to（位置，1 为第一个）、before、after 中选且只选一项' },
  });
export type MoveWidgetInput = z.input<typeof moveWidgetInput>;

export const configureWidgetInput = z
  .strictObject({
    config: configObject.optional(),
    set: z.record(keyPath, z.unknown()).optional(),
    unset: z.array(keyPath).max(100).optional(),
    placements: placements.optional(),
    version: versionSpec.optional(),
  })
  .refine((c) => Object.values(c).some((v) => v !== undefined), {
    message: 'nothing to change: give config, set, unset, placements or version',
    params: { zh: '没有要修改的内容：请填写 config、set、unset、placements 或 version' },
  });
export type ConfigureWidgetInput = z.input<typeof configureWidgetInput>;

/** Parses `value` with `schema`, refusing with `SHELL_ERR_BAD_REQUEST` and every problem. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  throw refusalOfIssues('SHELL_ERR_BAD_REQUEST', parsed.error);
}
