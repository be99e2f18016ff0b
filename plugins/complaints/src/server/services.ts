/**
 * What the route files share: the typed tables, who the caller is (resident of this village, or a reader
 * of the queue), unit names, effective settings, the case history, visibility (a case the caller may not
 * see is a 404) and the escalation sweep.
 */
import { callerOf, type ModuleContext, type ModuleUser, moduleError, userOf } from '@cunmen/module-api';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import {
  allowedActions,
  type CaseDetail,
  countyOf,
  DEFAULT_SETTINGS,
  dispatchTargets,
  dueEscalations,
  levelOf,
  provinceOf,
  READ_ROLES,
  refuseRating,
  type Settings,
  type SettingsAnswer,
  settingsSchema,
  townshipOf,
  type Unit,
  unitName,
  within,
} from '../common/index.js';
import { type CaseRow, type EventRow, type PhotoRow, stateOf, toDetail } from './rows.js';

/** Shared by the route files: the typed database, the clock, unit names, settings, history, escalation. */

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

/** This module's tables, typed (the shell hands modules an untyped `Kysely<any>`). */
export interface Tables {
  complaints_case: CaseRow;
  complaints_event: EventRow;
  complaints_photo: PhotoRow;
  complaints_settings: SettingsRow;
}
export type Db = Kysely<Tables>;

export const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const caseNotFound = () =>
  moduleError(404, 'COMPLAINTS_ERR_NOT_FOUND', 'no such case', '没有找到这件诉求');
export const roleError = (en: string) =>
  moduleError(403, 'COMPLAINTS_ERR_ROLE', en, '您的账号不能进行这项操作');

export function isReader(user: ModuleUser): boolean {
  return (READ_ROLES as readonly string[]).includes(user.role);
}

/** The signed-in user who may read staff views (queue, details, metrics, settings). */
export function readerOf(request: FastifyRequest): ModuleUser {
  const user = userOf(request);
  if (!isReader(user)) throw roleError(`role ${user.role} may not read the complaints queue`);
  return user;
}

/** The signed-in resident of the portal's own village. */
export function residentOf(request: FastifyRequest): { user: ModuleUser; village: string } {
  const caller = callerOf(request);
  const user = caller.user;
  if (!user)
    throw moduleError(401, 'MODULE_ERR_SIGN_IN_REQUIRED', 'this call needs a signed-in user', '请先登录');
  if (user.role !== 'resident') throw roleError(`role ${user.role} cannot submit or rate as a resident`);
  if (user.division !== caller.village)
    throw moduleError(
      403,
      'COMPLAINTS_ERR_OTHER_VILLAGE',
      `resident of ${user.division} in the portal of ${caller.village}`,
      '请在您本村的门户中反映',
    );
  return { user, village: caller.village };
}

export function createServices(ctx: ModuleContext) {
  const db = ctx.db as Db;
  const nowIso = () => ctx.now().toISOString();
  /* ------------------------------------------------------------ helpers */

  async function divisionName(code: string): Promise<string> {
    return (await ctx.divisions.get(code))?.name ?? code;
  }

  async function unitOf(division: string, department: string | null): Promise<Unit> {
    return {
      division,
      department,
      name: unitName(levelOf(division), await divisionName(division), department),
    };
  }

  async function settingsFor(division: string): Promise<{
    settings: Settings;
    source: SettingsAnswer['source'];
    row: { updated_at: string; updated_by: string } | null;
  }> {
    const county = levelOf(division) === 'province' ? null : countyOf(division);
    const province = provinceOf(division);
    const rows = await db
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

  async function events(caseId: string): Promise<EventRow[]> {
    return db
      .selectFrom('complaints_event')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('seq')
      .execute();
  }

  async function addEvent(trx: Db, caseId: string, e: Omit<EventRow, 'case_id' | 'seq'>): Promise<void> {
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

  /**
   * Escalation: every case under `prefix` whose accept or reply limit passed unmet is escalated to its
   * township, once per limit — recorded in the case history and the audit log. Called at the start of
   * every route that reads or acts on cases, so it happens deterministically on the next request.
   */
  async function sweep(prefix: string): Promise<void> {
    const now = nowIso();
    const rows: CaseRow[] = await db
      .selectFrom('complaints_case')
      .selectAll()
      .where('village', 'like', `${prefix}%`)
      .where((eb) =>
        eb.or([
          eb.and([
            eb('accepted_at', 'is', null),
            eb('accept_due', '<', now),
            eb('accept_escalated_at', 'is', null),
          ]),
          eb.and([
            eb('replied_at', 'is', null),
            eb('reply_due', '<', now),
            eb('reply_escalated_at', 'is', null),
          ]),
        ]),
      )
      .execute();
    for (const row of rows) {
      const due = dueEscalations(
        {
          acceptDue: row.accept_due,
          replyDue: row.reply_due,
          acceptedAt: row.accepted_at,
          repliedAt: row.replied_at,
          acceptEscalatedAt: row.accept_escalated_at,
          replyEscalatedAt: row.reply_escalated_at,
        },
        now,
      );
      const township = await unitOf(townshipOf(row.village), null);
      const done: string[] = [];
      await db.transaction().execute(async (trx) => {
        for (const limit of due) {
          const column = limit === 'accept' ? 'accept_escalated_at' : 'reply_escalated_at';
          const r = await trx
            .updateTable('complaints_case')
            .set(
              limit === 'accept'
                ? { accept_escalated_at: now, updated_at: now }
                : { reply_escalated_at: now, updated_at: now },
            )
            .where('id', '=', row.id)
            .where(column, 'is', null)
            .executeTakeFirst();
          if (Number(r.numUpdatedRows) !== 1) continue;
          done.push(limit);
          await addEvent(trx, row.id, {
            at: now,
            action: 'escalate',
            from_status: row.status,
            to_status: row.status,
            unit: '系统',
            actor: null,
            actor_id: null,
            actor_role: null,
            target: township.name,
            note: limit === 'accept' ? '超过受理时限，已提级至乡镇督办' : '超过答复时限，已提级至乡镇督办',
          });
        }
      });
      for (const limit of done) {
        await ctx.audit.append({
          actor: 'system',
          action: 'case.escalate',
          subject: `case:${row.id}`,
          detail: { tracking: row.tracking, village: row.village, limit, to: township.division },
        });
      }
    }
  }

  async function findCase(id: string): Promise<CaseRow | undefined> {
    if (!ID.test(id)) return undefined;
    return db.selectFrom('complaints_case').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The case if `user` may see it (resident owner, or a reader whose division covers the village); else 404. */
  async function visibleCase(id: string, user: ModuleUser): Promise<CaseRow> {
    const found = await findCase(id);
    if (!found) throw caseNotFound();
    const mine = user.role === 'resident' && found.resident_id === user.id && found.village === user.division;
    const inScope = isReader(user) && within(user.division, found.village);
    if (!mine && !inScope) throw caseNotFound();
    await sweep(found.village);
    return (await findCase(id)) as CaseRow;
  }

  async function photoIds(caseId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('complaints_photo')
      .select('id')
      .where('case_id', '=', caseId)
      .orderBy('position')
      .execute();
    return rows.map((r) => r.id as string);
  }

  async function detailFor(row: CaseRow, user: ModuleUser): Promise<CaseDetail> {
    const staff = isReader(user);
    const now = nowIso();
    const actions: CaseDetail['actions'] = staff
      ? allowedActions(stateOf(row), user)
      : refuseRating(stateOf(row)) === null
        ? ['rate']
        : [];
    const extra: Parameters<typeof toDetail>[4] = { actions };
    if (staff) {
      extra.resident = { name: row.resident_name, household: row.household };
      extra.targets = await Promise.all(dispatchTargets(row.village).map((d) => unitOf(d, null)));
    }
    return toDetail(row, await events(row.id), await photoIds(row.id), now, extra, staff);
  }

  return {
    ctx,
    db,
    nowIso,
    divisionName,
    unitOf,
    settingsFor,
    events,
    addEvent,
    sweep,
    findCase,
    visibleCase,
    photoIds,
    detailFor,
  };
}

export type Services = ReturnType<typeof createServices>;
