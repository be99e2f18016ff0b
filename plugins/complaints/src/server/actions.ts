import { callerOf, type ModuleUser, moduleError, parseInput, userOf } from '@cunmen/module-api';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import {
  acceptBodySchema,
  closeBodySchema,
  countyOf,
  dispatchBodySchema,
  dispatchTargets,
  followUpBodySchema,
  reasonBodySchema,
  refuse,
  replyBodySchema,
  type StaffAction,
  TRANSITIONS,
  townshipOf,
  type Unit,
} from '../common/index.js';
import { type CaseRow, stateOf } from './rows.js';
import { type ComplaintsOptions, isReader, roleError, type Services } from './services.js';

/** What one action changes on the case row, and what it records. */
interface Change {
  set: Record<string, unknown>;
  target?: string | null;
  note?: string | null;
  detail?: Record<string, unknown>;
}

/** `POST /cases/:id/<action>`: the staff steps of the loop, checked by the pure state machine. */
export async function actionRoutes(
  app: FastifyInstance,
  s: Services,
  _options: ComplaintsOptions,
): Promise<void> {
  const { ctx, db, nowIso, unitOf, addEvent, findCase, visibleCase, detailFor } = s;
  const actionBodies: Record<StaffAction, z.ZodType> = {
    accept: acceptBodySchema,
    dispatch: dispatchBodySchema,
    transfer: dispatchBodySchema,
    return: reasonBodySchema,
    reply: replyBodySchema,
    close: closeBodySchema,
    'follow-up': followUpBodySchema,
  };

  async function targetUnit(row: CaseRow, body: z.infer<typeof dispatchBodySchema>): Promise<Unit> {
    if (!dispatchTargets(row.village).includes(body.target)) {
      throw moduleError(
        400,
        'COMPLAINTS_ERR_TARGET',
        `target: a case of ${row.village} goes to the village, its township ${townshipOf(row.village)} or its county ${countyOf(row.village)}`,
        '只能派给本村、所属乡镇或所属县（区）的单位',
        'target',
      );
    }
    const department = body.department || null;
    if (body.target === row.handler_division && department === (row.handler_department ?? null)) {
      throw moduleError(
        400,
        'COMPLAINTS_ERR_SAME_UNIT',
        'target: that unit handles the case already',
        '这件诉求已经由该单位承办',
        'target',
      );
    }
    return unitOf(body.target, department);
  }

  async function plan(
    action: StaffAction,
    row: CaseRow,
    user: ModuleUser,
    body: Record<string, unknown>,
    now: string,
  ): Promise<Change> {
    switch (action) {
      case 'accept': {
        const owner = await unitOf(user.division, null);
        return {
          set: {
            accepted_at: now,
            owner_division: owner.division,
            owner_department: null,
            owner_unit: owner.name,
            handler_division: owner.division,
            handler_department: null,
            handler_unit: owner.name,
          },
          note: (body.note as string | undefined) || null,
          detail: { owner: owner.division },
        };
      }
      case 'dispatch':
      case 'transfer': {
        const unit = await targetUnit(row, body as z.infer<typeof dispatchBodySchema>);
        return {
          set: {
            handler_division: unit.division,
            handler_department: unit.department,
            handler_unit: unit.name,
          },
          target: unit.name,
          note: (body.note as string | undefined) || null,
          detail: { from: row.handler_division, to: unit.division, department: unit.department },
        };
      }
      case 'return': {
        const reason = (body.reason as string | undefined) ?? '';
        if (!reason) {
          throw moduleError(
            400,
            'COMPLAINTS_ERR_REASON_REQUIRED',
            'reason: say why the case goes back',
            '请写明退回的理由',
            'reason',
          );
        }
        return {
          set: {
            handler_division: row.owner_division,
            handler_department: row.owner_department,
            handler_unit: row.owner_unit,
          },
          target: row.owner_unit,
          note: reason,
          detail: { from: row.handler_division, to: row.owner_division },
        };
      }
      case 'reply': {
        const answer = body.answer as string;
        if (!answer)
          throw moduleError(
            400,
            'COMPLAINTS_ERR_ANSWER_REQUIRED',
            'answer: write the answer',
            '请填写答复内容',
            'answer',
          );
        return {
          set: { replied_at: now, answer, answer_unit: row.handler_unit },
          note: null,
          detail: { unit: row.handler_division },
        };
      }
      case 'close':
        return {
          set: { closed_at: now, resolved: body.resolved ? 1 : 0 },
          note: (body.note as string | undefined) || null,
          detail: { resolved: body.resolved },
        };
      case 'follow-up': {
        const note = (body.note as string | undefined) ?? '';
        if (!note) {
          throw moduleError(
            400,
            'COMPLAINTS_ERR_NOTE_REQUIRED',
            'note: record what the resident said',
            '请记录回访情况',
            'note',
          );
        }
        return { set: { followed_up_at: now }, note };
      }
    }
  }

  for (const action of Object.keys(TRANSITIONS) as StaffAction[]) {
    app.post<{ Params: { id: string } }>(`/cases/:id/${action}`, async (request) => {
      const caller = callerOf(request);
      const user = userOf(request);
      if (user.role !== 'resident' && !isReader(user))
        throw roleError(`role ${user.role} may not ${action} cases`);
      const row = await visibleCase(request.params.id, user);
      const refusal = refuse(action, stateOf(row), user);
      if (refusal) throw moduleError(refusal.status, refusal.code, refusal.en, refusal.zh);
      const body = parseInput(actionBodies[action], request.body) as Record<string, unknown>;
      const now = nowIso();
      const change = await plan(action, row, user, body, now);
      const to = TRANSITIONS[action].to;
      const actorUnit = (await unitOf(user.division, null)).name;
      await db.transaction().execute(async (trx) => {
        const r = await trx
          .updateTable('complaints_case')
          .set({ ...change.set, status: to, updated_at: now })
          .where('id', '=', row.id)
          .where('status', '=', row.status)
          .where('updated_at', '=', row.updated_at)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) {
          throw moduleError(
            409,
            'COMPLAINTS_ERR_CONFLICT',
            'the case changed meanwhile; reload it',
            '诉求刚刚被其他人更新，请刷新后再试',
          );
        }
        await addEvent(trx, row.id, {
          at: now,
          action,
          from_status: row.status,
          to_status: to,
          unit: actorUnit,
          actor: user.displayName,
          actor_id: user.id,
          actor_role: user.role,
          target: change.target ?? null,
          note: change.note ?? null,
        });
      });
      await ctx.audit.append({
        actor: user.name,
        action: `case.${action}`,
        subject: `case:${row.id}`,
        detail: { tracking: row.tracking, village: row.village, from: row.status, to, ...change.detail },
        ip: caller.ip,
      });
      return detailFor((await findCase(row.id)) as CaseRow, user);
    });
  }
}
