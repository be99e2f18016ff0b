/**
 * What each staff step of the loop changes on the case row and records in its history, once the pure
 * state machine (common/workflow.ts) allowed it: accept makes the caller's unit the owner for good
 * (首接负责制), dispatch and transfer change only the handler, return gives it back to the owner.
 */
import type { ModuleUser } from '@cunmen/module-api';
import type { z } from 'zod';
import {
  complaintsErrors,
  countyOf,
  type dispatchBodySchema,
  dispatchTargets,
  type StaffAction,
  townshipOf,
  type Unit,
} from '../common/index.js';
import type { ComplaintsContext } from './context.js';
import type { CaseRow } from './rows.js';
import { unitOf } from './store.js';

/** What one action changes on the case row, and what it records. */
export interface Change {
  set: Record<string, unknown>;
  target?: string | null;
  note?: string | null;
  detail?: Record<string, unknown>;
}

async function targetUnit(
  c: ComplaintsContext,
  row: CaseRow,
  body: z.infer<typeof dispatchBodySchema>,
): Promise<Unit> {
  if (!dispatchTargets(row.village).includes(body.target)) {
    throw complaintsErrors.error('COMPLAINTS_ERR_TARGET', {
      en: `target: a case of ${row.village} goes to the village, its township ${townshipOf(row.village)} or its county ${countyOf(row.village)}`,
      field: 'target',
    });
  }
  const department = body.department || null;
  if (body.target === row.handler_division && department === (row.handler_department ?? null)) {
    throw complaintsErrors.error('COMPLAINTS_ERR_SAME_UNIT', { field: 'target' });
  }
  return unitOf(c, body.target, department);
}

/** The change `action` makes, or the coded reason its body does not do. */
export async function planChange(
  c: ComplaintsContext,
  action: StaffAction,
  row: CaseRow,
  user: ModuleUser,
  body: Record<string, unknown>,
  now: string,
): Promise<Change> {
  const note = (body.note as string | undefined) || null;
  switch (action) {
    case 'accept': {
      const owner = await unitOf(c, user.division, null);
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
        note,
        detail: { owner: owner.division },
      };
    }
    case 'dispatch':
    case 'transfer': {
      const unit = await targetUnit(c, row, body as z.infer<typeof dispatchBodySchema>);
      return {
        set: {
          handler_division: unit.division,
          handler_department: unit.department,
          handler_unit: unit.name,
        },
        target: unit.name,
        note,
        detail: { from: row.handler_division, to: unit.division, department: unit.department },
      };
    }
    case 'return': {
      const reason = (body.reason as string | undefined) ?? '';
      if (!reason) throw complaintsErrors.error('COMPLAINTS_ERR_REASON_REQUIRED', { field: 'reason' });
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
      if (!answer) throw complaintsErrors.error('COMPLAINTS_ERR_ANSWER_REQUIRED', { field: 'answer' });
      return {
        set: { replied_at: now, answer, answer_unit: row.handler_unit },
        note: null,
        detail: { unit: row.handler_division },
      };
    }
    case 'close':
      return {
        set: { closed_at: now, resolved: body.resolved ? 1 : 0 },
        note,
        detail: { resolved: body.resolved },
      };
    case 'follow-up': {
      if (!note) throw complaintsErrors.error('COMPLAINTS_ERR_NOTE_REQUIRED', { field: 'note' });
      return { set: { followed_up_at: now }, note };
    }
  }
}
