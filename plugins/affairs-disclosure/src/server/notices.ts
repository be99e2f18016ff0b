/**
 * What 三务公开 tells people through the shell's inbox (`ctx.notify`): a resident that the village
 * answered their question, and the village's cadres that a periodic disclosure is due within
 * `DUE_SOON_DAYS` days and not yet published — from the shell's timer (`ctx.schedule`, hourly), once per
 * village, catalogue item and period (`affairs_disclosure_reminder`).
 *
 * The period due is the one of the item's cadence that ended last (a quarterly item's previous quarter,
 * due on the day its deadline rule names, e.g. 次季度第一个月 20 日); items disclosed "as it happens"
 * have no period to remind of.
 */
import type { ModuleContext, Notice } from '@cunmen/module-api';
import { type CatalogueItem, deadlineOf, effectiveCatalogue } from '../common/catalogue.js';
import { addDays, chinaDate, periodContaining, periodKindOf } from '../common/period.js';
import { T } from './migrations.js';
import { type QuestionRow, storedCatalogue } from './store.js';

/** How many days before its deadline an unpublished disclosure is reminded of. */
export const DUE_SOON_DAYS = 3;
export const REMINDER_JOB = 'due-reminder';
export const REMINDER_EVERY_MS = 3600_000;

const short = (text: string, max: number) => {
  const chars = Array.from(text.trim());
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
};

export function answeredNotice(q: QuestionRow, itemTitle: string): Notice | null {
  if (!q.asked_by_id) return null;
  return {
    to: { user: q.asked_by_id },
    title: '您的提问有答复了',
    body: `您对“${short(itemTitle, 16)}”的提问，村里已经答复，点此查看`,
    link: `/v/${q.village}/p/affairs-disclosure`,
  };
}

/** `2026-10-20T15:59:59.999Z` → `10月20日` (China time). */
function chinaDay(iso: string): string {
  const [, month, day] = chinaDate(new Date(iso)).split('-');
  return `${Number(month)}月${Number(day)}日`;
}

export function dueNotice(village: string, item: CatalogueItem, deadline: string): Notice {
  return {
    to: { role: 'village-cadre', division: village },
    title: '有村务该公开了',
    body: `“${short(item.title, 14)}”要在${chinaDay(deadline)}前公开，请及时办理`,
    link: `/v/${village}/cadre/affairs-disclosure`,
  };
}

/** Sends the notice, if any; a failure is logged and never undoes what caused it. */
export async function tell(ctx: ModuleContext, notice: Notice | null): Promise<void> {
  if (!notice) return;
  try {
    await ctx.notify(notice);
  } catch (err) {
    ctx.log.error({ err }, 'a notice could not be sent');
  }
}

/** The period of `item`'s cadence that ended last before `today` (China date), or null. */
function lastPeriod(item: CatalogueItem, today: string): string | null {
  if (item.cadence === 'immediate') return null;
  const kind = periodKindOf(item.cadence);
  if (kind === 'day') return null;
  return periodContaining(kind, addDays(periodContaining(kind, today).start, -1)).key;
}

/** One pass of the reminder job over every village: the notices it sent (for logs and tests). */
export async function remindDue(ctx: ModuleContext, now: Date): Promise<number> {
  const today = chinaDate(now);
  const at = now.toISOString();
  const soon = new Date(now.getTime() + DUE_SOON_DAYS * 86_400_000).toISOString();
  let sent = 0;
  for (const village of await ctx.divisions.villages('')) {
    const catalogue = effectiveCatalogue(village.code, await storedCatalogue(ctx, village.code));
    const published = await ctx.db
      .selectFrom(T.item)
      .select(['catalogue_key', 'period'])
      .where('village', '=', village.code)
      .where('published_at', 'is not', null)
      .execute();
    const done = new Set(published.map((r) => `${r.catalogue_key}|${r.period}`));
    for (const item of catalogue) {
      const period = lastPeriod(item, today);
      if (!period || done.has(`${item.key}|${period}`)) continue;
      const deadline = deadlineOf(item.deadline, period);
      if (!deadline || deadline < at || deadline > soon) continue;
      const claimed = await ctx.db
        .insertInto(T.reminder)
        .values({ village: village.code, catalogue_key: item.key, period, sent_at: at })
        .onConflict((oc) => oc.columns(['village', 'catalogue_key', 'period']).doNothing())
        .returning('village')
        .executeTakeFirst();
      if (!claimed) continue; // already reminded (by this instance or another)
      await tell(ctx, dueNotice(village.code, item, deadline));
      sent++;
    }
  }
  return sent;
}
