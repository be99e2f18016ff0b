/** `POST /cases/:id/<action>`: the staff steps of the loop, one route per action of the state machine. */
import { callerOf, param, parseInput, userOf } from '@cunmen/module-api';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  acceptBodySchema,
  closeBodySchema,
  complaintsErrors,
  dispatchBodySchema,
  followUpBodySchema,
  isReader,
  reasonBodySchema,
  refuse,
  replyBodySchema,
  type StaffAction,
  TRANSITIONS,
} from '../../common/index.js';
import { roleError, visibleCase } from '../access.js';
import { planChange } from '../changes.js';
import type { ComplaintsContext, ComplaintsRoute } from '../context.js';
import { isResidentStep, residentNotice, tell } from '../notices.js';
import { type CaseRow, stateOf } from '../rows.js';
import { addEvent, detailFor, findCase, unitOf } from '../store.js';

const BODIES: Record<StaffAction, z.ZodType> = {
  accept: acceptBodySchema,
  dispatch: dispatchBodySchema,
  transfer: dispatchBodySchema,
  return: reasonBodySchema,
  reply: replyBodySchema,
  close: closeBodySchema,
  'follow-up': followUpBodySchema,
};

async function act(c: ComplaintsContext, request: FastifyRequest, action: StaffAction) {
  const caller = callerOf(request);
  const user = userOf(request);
  if (user.role !== 'resident' && !isReader(user))
    throw roleError(`role ${user.role} may not ${action} cases`);
  const row = await visibleCase(c, param(request, 'id'), user);
  const refusal = refuse(action, stateOf(row), user);
  if (refusal) throw refusal;
  const body = parseInput(BODIES[action], request.body) as Record<string, unknown>;
  const now = c.nowIso();
  const change = await planChange(c, action, row, user, body, now);
  const to = TRANSITIONS[action].to;
  const actorUnit = (await unitOf(c, user.division, null)).name;
  await c.db.transaction().execute(async (trx) => {
    // From the row as it was read only: two staff acting at once, one wins.
    const r = await trx
      .updateTable('complaints_case')
      .set({ ...change.set, status: to, updated_at: now })
      .where('id', '=', row.id)
      .where('status', '=', row.status)
      .where('updated_at', '=', row.updated_at)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw complaintsErrors.error('COMPLAINTS_ERR_CONFLICT');
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
  await c.audit.append({
    actor: user.name,
    action: `case.${action}`,
    subject: `case:${row.id}`,
    detail: { tracking: row.tracking, village: row.village, from: row.status, to, ...change.detail },
    ip: caller.ip,
  });
  const updated = (await findCase(c, row.id)) as CaseRow;
  if (isResidentStep(action)) await tell(c, residentNotice(action, updated));
  return detailFor(c, updated, user);
}

export const actionRoutes: ComplaintsRoute[] = (Object.keys(TRANSITIONS) as StaffAction[]).map((action) => ({
  method: 'POST',
  url: `/cases/:id/${action}`,
  handler: (c, request) => act(c, request, action),
}));
