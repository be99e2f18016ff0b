/**
 * Versioned slot ids: where a widget can contribute. A slot's contract (what its exposed module must
 * export and which props the host passes) never changes within a version; a breaking change is `/v2`.
 */
import * as z from 'zod/mini';

export const SLOT_IDS = [
  'village.home.tile/v1',
  'village.page/v1',
  'village.nav/v1',
  'cadre.page/v1',
] as const;

export type SlotId = (typeof SLOT_IDS)[number];

export const SLOT_DESCRIPTIONS: Record<
  SlotId,
  { 'zh-CN': string; en: string; audience: 'resident' | 'cadre' }
> = {
  'village.home.tile/v1': { 'zh-CN': '首页磁贴', en: 'Home tile', audience: 'resident' },
  'village.page/v1': { 'zh-CN': '村民页面', en: 'Resident page', audience: 'resident' },
  'village.nav/v1': { 'zh-CN': '底部导航项', en: 'Navigation entry', audience: 'resident' },
  'cadre.page/v1': { 'zh-CN': '村干部管理页', en: 'Cadre back-office page', audience: 'cadre' },
};

export const slotIdSchema = z.enum(SLOT_IDS);

export function isSlotId(value: unknown): value is SlotId {
  return typeof value === 'string' && (SLOT_IDS as readonly string[]).includes(value);
}
