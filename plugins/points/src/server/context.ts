/**
 * What every route handler of 积分制 receives: the shell's module context with this module's tables
 * typed (the shell hands modules an untyped `Kysely<any>`) and the China-time day.
 */
import type { ModuleContext, ModuleRoute } from '@cunmen/module-api';
import type { Kysely } from 'kysely';
import { chinaDay } from '../common/index.js';
import type {
  ClaimRow,
  EntryRow,
  GoodsRow,
  HouseholdRow,
  ItemRow,
  PhotoRow,
  RuleBookRow,
  SettingsRow,
} from './rows.js';

export interface Tables {
  points_rulebook: RuleBookRow;
  points_item: ItemRow;
  points_household: HouseholdRow;
  points_entry: EntryRow;
  points_claim: ClaimRow;
  points_photo: PhotoRow;
  points_goods: GoodsRow;
  points_settings: SettingsRow;
}
export type Db = Kysely<Tables>;

export interface PointsContext extends Omit<ModuleContext, 'db'> {
  db: Db;
  /** `now()` as the ISO string every column holds. */
  nowIso(): string;
  /** Today in China time, `YYYY-MM-DD`. */
  today(): string;
}

export type PointsRoute = ModuleRoute<PointsContext>;

export function pointsContext(ctx: ModuleContext): PointsContext {
  return {
    ...ctx,
    db: ctx.db as Db,
    nowIso: () => ctx.now().toISOString(),
    today: () => chinaDay(ctx.now()),
  };
}
