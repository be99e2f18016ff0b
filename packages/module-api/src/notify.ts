/**
 * Notices and periodic work: what a module may ask of the shell beyond its own routes.
 *
 * `ctx.notify(notice)` puts a short message in someone's in-portal inbox (消息) — one resident or staff
 * member by user id, or every staff member of a role in one division — and, for a resident who bound
 * WeChat, also sends it as a WeChat subscribe message when the province configured a template. Write
 * plain, short Chinese an elderly resident understands; `link` is a portal path the notice opens.
 *
 * `ctx.schedule(name, everyMs, run)` registers work the shell runs on its own timer, with no request:
 * in-process in the embedded default, and on one instance per tick when several share PostgreSQL.
 *
 * @example
 * ```ts
 * await ctx.notify({
 *   to: { user: row.resident_id },
 *   title: '您反映的问题有答复了',
 *   body: '您反映的“路灯不亮”已有答复，点此查看',
 *   link: '/complaints/cases/123',
 * });
 * ctx.schedule('sla-sweep', 60_000, async (now) => sweepAll(now));
 * ```
 */
import { z } from 'zod';
import { MODULE_ROLES } from './caller.js';

/** Who a notice is for: one user, or every staff member holding `role` in exactly `division`. */
export const noticeTargetSchema = z.union([
  z.object({ user: z.number().int().positive() }).strict(),
  z
    .object({
      role: z.enum(MODULE_ROLES).exclude(['resident']),
      division: z.string().regex(/^\d{6}(\d{3}){0,2}$/, 'a 6, 9 or 12-digit division code'),
    })
    .strict(),
]);

export const noticeSchema = z
  .object({
    to: noticeTargetSchema,
    /** A few words: shown in bold in the inbox and as the WeChat message's first line. */
    title: z.string().trim().min(1).max(20),
    /** One or two short sentences. */
    body: z.string().trim().min(1).max(120),
    /** A path on the portal (or console) the notice opens, e.g. `/complaints/cases/12`. */
    link: z
      .string()
      .max(200)
      .regex(/^\/(?!\/)[^\s]*$/, 'a path on the portal, starting with one "/"'),
  })
  .strict();

export type NoticeTarget = z.infer<typeof noticeTargetSchema>;
export type Notice = z.infer<typeof noticeSchema>;

/** A notice as the shell received it: which module sent it. */
export interface ModuleNotice extends Notice {
  module: string;
}

/** Work the shell runs every `everyMs`; `now` is the shell's clock at the tick. */
export type ScheduledRun = (now: Date) => Promise<void>;

export interface ScheduledJob {
  /** `<module id>.<name>`: one run per tick across every instance on the database. */
  name: string;
  everyMs: number;
  run: ScheduledRun;
}

/** The notice as given, checked: a wrong one throws (a programming error in the module, not input). */
export function checkNotice(notice: unknown): Notice {
  const parsed = noticeSchema.safeParse(notice);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`notify: ${issue?.path.join('.') || 'notice'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** A job name as a module passes it (`sla-sweep`): kebab-case. */
export const JOB_NAME_PATTERN = /^[a-z][a-z0-9-]{0,39}$/;

export function checkJob(moduleId: string, name: string, everyMs: number, run: ScheduledRun): ScheduledJob {
  if (!JOB_NAME_PATTERN.test(name))
    throw new Error(`schedule: job name "${name}" must match ${JOB_NAME_PATTERN}`);
  if (!Number.isInteger(everyMs) || everyMs < 1000) {
    throw new Error(`schedule: ${name} runs at most once a second (everyMs ${everyMs})`);
  }
  return { name: `${moduleId}.${name}`, everyMs, run };
}
