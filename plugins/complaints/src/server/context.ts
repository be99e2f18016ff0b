/**
 * What every route handler of 接诉即办 receives: the shell's module context with this module's tables
 * typed (the shell hands modules an untyped `Kysely<any>`) and its limits.
 */
import type { ModuleContext, ModuleRoute } from '@cunmen/module-api';
import type { Kysely } from 'kysely';
import type { CaseRow, EventRow, PhotoRow } from './rows.js';

export interface ComplaintsOptions {
  /** Largest photo accepted, in bytes (default 5 MB). */
  photoMaxBytes: number;
  /** Submissions one resident may make per China-time day. */
  submissionsPerDay: number;
  /** Photos one resident may upload per day that are not (yet) attached to a case. */
  photosPerDay: number;
}

export interface SettingsRow {
  division: string;
  settings: string;
  updated_at: string;
  updated_by: string;
}

/** This module's tables, typed. */
export interface Tables {
  complaints_case: CaseRow;
  complaints_event: EventRow;
  complaints_photo: PhotoRow;
  complaints_settings: SettingsRow;
}
export type Db = Kysely<Tables>;

export interface ComplaintsContext extends Omit<ModuleContext, 'db'> {
  db: Db;
  options: ComplaintsOptions;
  /** `now()` as the ISO string every column holds. */
  nowIso(): string;
}

/** One route of the module's table. */
export type ComplaintsRoute = ModuleRoute<ComplaintsContext>;

export function complaintsContext(ctx: ModuleContext, options: ComplaintsOptions): ComplaintsContext {
  return { ...ctx, db: ctx.db as Db, options, nowIso: () => ctx.now().toISOString() };
}
