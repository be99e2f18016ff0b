/**
 * The one yank policy, applied by the shell server when it assembles a portal and by the browser when
 * it loads one. A version is yanked (by the province, or the county that published it) when it must not
 * spread — a bug, a privacy leak — while the villages that use it move on:
 *
 * - it is never adopted anew: a save that adds it, or a rollback to a config that used it when the
 *   current portal does not, is refused (`SHELL_ERR_WIDGET_YANKED`);
 * - a portal that already pins it keeps it, because residents' pages must not break when a release is
 *   pulled: the server keeps serving it, warns the cadres on every save, refresh and read of the portal
 *   (`SHELL_WARN_YANKED`) until the village picks another version, and marks it `yanked` in the
 *   snapshot; the browser loads it and logs `SHELL_ERR_WIDGET_YANKED` as a warning.
 *
 * Zod-free and tiny: the browser imports it.
 */
import type { Yank } from './snapshot.js';

/**
 * `adopt`: the portal does not use this version yet (a save that adds it, a rollback that brings it
 * back). `pinned`: the portal already uses it — and every widget a snapshot carries is pinned, since
 * only the server puts widgets there.
 */
export type YankUse = 'adopt' | 'pinned';

/** `serve` as usual, `warn` (serve, and tell the cadres and the console), or `refuse`. */
export type YankAction = 'serve' | 'warn' | 'refuse';

export function yankAction(yanked: Yank | null | undefined, use: YankUse): YankAction {
  if (!yanked) return 'serve';
  return use === 'pinned' ? 'warn' : 'refuse';
}

/** The reason as people read it, with a stand-in (English or Chinese) when the yank gave none. */
export function yankReason(yanked: Yank, lang: 'en' | 'zh' = 'en'): string {
  return yanked.reason || (lang === 'zh' ? '未说明原因' : 'no reason given');
}
