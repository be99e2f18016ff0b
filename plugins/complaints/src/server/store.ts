/**
 * Reads and writes of the module's tables, and how a case becomes an answer: cases, their history and
 * photos, unit names, the effective settings. Queries go through Kysely's builder only; no Fastify here.
 */
import type { ModuleUser } from '@cunmen/module-api';
import {
  allowedActions,
  type CaseDetail,
  countyOf,
  DEFAULT_SETTINGS,
  dispatchTargets,
  isReader,
  levelOf,
  provinceOf,
  refuseRating,
  type Settings,
  type SettingsAnswer,
  settingsSchema,
  type Unit,
  unitName,
} from '../common/index.js';
import type { ComplaintsContext, Db } from './context.js';
import { type CaseRow, type EventRow, stateOf, toDetail } from './rows.js';

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether `id` can be a row id (a forged one never reaches a query). */
export const isId = (id: string) => ID.test(id);

export async function findCase(c: ComplaintsContext, id: string): Promise<CaseRow | undefined> {
  if (!isId(id)) return undefined;
  return c.db.selectFrom('complaints_case').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function events(c: ComplaintsContext, caseId: string): Promise<EventRow[]> {
  return c.db
    .selectFrom('complaints_event')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('seq')
    .execute();
}

/** Appends to the case history (inside the caller's transaction). */
export async function addEvent(trx: Db, caseId: string, e: Omit<EventRow, 'case_id' | 'seq'>): Promise<void> {
  const last = await trx
    .selectFrom('complaints_event')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  await trx
    .insertInto('complaints_event')
    .values({ case_id: caseId, seq: Number(last?.seq ?? 0) + 1, ...e })
    .execute();
}

export async function photoIds(c: ComplaintsContext, caseId: string): Promise<string[]> {
  const rows = await c.db
    .selectFrom('complaints_photo')
    .select('id')
    .where('case_id', '=', caseId)
    .orderBy('position')
    .execute();
  return rows.map((r) => r.id as string);
}

export async function divisionName(c: ComplaintsContext, code: string): Promise<string> {
  return (await c.divisions.get(code))?.name ?? code;
}

/** A unit: a division (and department) with its official name (仙潭村村民委员会, 德清县水利局). */
export async function unitOf(
  c: ComplaintsContext,
  division: string,
  department: string | null,
): Promise<Unit> {
  return {
    division,
    department,
    name: unitName(levelOf(division), await divisionName(c, division), department),
  };
}

/** The settings that apply to `division`: its county's, else its province's, else the defaults. */
export async function settingsFor(
  c: ComplaintsContext,
  division: string,
): Promise<{
  settings: Settings;
  source: SettingsAnswer['source'];
  row: { updated_at: string; updated_by: string } | null;
}> {
  const county = levelOf(division) === 'province' ? null : countyOf(division);
  const province = provinceOf(division);
  const rows = await c.db
    .selectFrom('complaints_settings')
    .selectAll()
    .where('division', 'in', county ? [county, province] : [province])
    .execute();
  const own = county ? rows.find((r) => r.division === county) : undefined;
  const prov = rows.find((r) => r.division === province);
  const chosen = own ?? prov;
  if (!chosen) return { settings: DEFAULT_SETTINGS, source: 'default', row: null };
  return {
    settings: settingsSchema.parse(JSON.parse(chosen.settings)),
    source: own || levelOf(division) === 'province' ? 'division' : 'province',
    row: chosen,
  };
}

/** The case as `user` sees it: staff get the resident, the dispatch targets and their actions. */
export async function detailFor(c: ComplaintsContext, row: CaseRow, user: ModuleUser): Promise<CaseDetail> {
  const staff = isReader(user);
  const actions: CaseDetail['actions'] = staff
    ? allowedActions(stateOf(row), user)
    : refuseRating(stateOf(row)) === null
      ? ['rate']
      : [];
  const extra: Parameters<typeof toDetail>[4] = { actions };
  if (staff) {
    extra.resident = { name: row.resident_name, household: row.household };
    extra.targets = await Promise.all(dispatchTargets(row.village).map((d) => unitOf(c, d, null)));
  }
  return toDetail(row, await events(c, row.id), await photoIds(c, row.id), c.nowIso(), extra, staff);
}
