/**
 * What every route handler of 党建 receives: the shell's module context with this module's tables typed
 * (the shell hands modules an untyped `Kysely<any>`) and the China-time day.
 */
import type { ModuleContext, ModuleRoute } from '@cunmen/module-api';
import type { Kysely } from 'kysely';
import { chinaDay } from '../common/index.js';
import type {
  AttachmentRow,
  AttendanceRow,
  BranchRow,
  MeetingRow,
  MemberRow,
  PioneerRow,
  PointsRow,
  PostRow,
} from './rows.js';

export interface Tables {
  party_building_branch: BranchRow;
  party_building_member: MemberRow;
  party_building_meeting: MeetingRow;
  party_building_attendance: AttendanceRow;
  party_building_attachment: AttachmentRow;
  party_building_post: PostRow;
  party_building_pioneer: PioneerRow;
  party_building_points: PointsRow;
}
export type Db = Kysely<Tables>;

export interface PartyContext extends Omit<ModuleContext, 'db'> {
  db: Db;
  /** `now()` as the ISO string every column holds. */
  nowIso(): string;
  /** Today in China time, `YYYY-MM-DD`. */
  today(): string;
}

export type PartyRoute = ModuleRoute<PartyContext>;

export function partyContext(ctx: ModuleContext): PartyContext {
  return {
    ...ctx,
    db: ctx.db as Db,
    nowIso: () => ctx.now().toISOString(),
    today: () => chinaDay(ctx.now()),
  };
}
