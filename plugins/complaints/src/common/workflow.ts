/**
 * The closed loop as a pure state machine (State Council 12345 guideline, DOMAIN.md 接诉即办):
 *
 *   submitted ─accept→ accepted ─dispatch→ dispatched ─reply→ replied ─close→ closed ─follow-up→ followed-up
 *                         │  ↑                │  ↑ transfer (to another unit)
 *                         │  └──── dispatch ── returned ←─return─┘ (the handler sends it back to the owner)
 *                         └──────────── reply (the owner handles it itself) ────────→ replied
 *
 * 首接负责制: the unit that accepts becomes the owner for good; dispatch and transfer only change the
 * handler. Who may act: accept — any staff unit whose division covers the village; dispatch, close,
 * follow-up — the owner; reply, return — the current handler; transfer — the owner or the handler.
 * The resident rates once, after close.
 */
import type { CunmenError } from '@cunmen/errors';
import { within } from './divisions.js';
import { complaintsErrors } from './errors.js';
import type { Rating, StaffAction, Status } from './model.js';

export const STAFF_ROLES = ['village-cadre', 'township-staff', 'county-admin'] as const;
/** Roles that may read the queue and case details in their division but never act. */
export const READ_ROLES = [...STAFF_ROLES, 'supervisor', 'province-maintainer'] as const;

export interface Actor {
  role: string;
  division: string;
}

export interface CaseState {
  village: string;
  status: Status;
  ownerDivision: string | null;
  handlerDivision: string | null;
  rating: Rating | null;
}

type Who = 'intake' | 'owner' | 'handler' | 'owner-or-handler';

export const TRANSITIONS: Record<StaffAction, { from: readonly Status[]; to: Status; who: Who }> = {
  accept: { from: ['submitted'], to: 'accepted', who: 'intake' },
  dispatch: { from: ['accepted', 'returned'], to: 'dispatched', who: 'owner' },
  transfer: { from: ['dispatched'], to: 'dispatched', who: 'owner-or-handler' },
  return: { from: ['dispatched'], to: 'returned', who: 'handler' },
  reply: { from: ['accepted', 'dispatched', 'returned'], to: 'replied', who: 'handler' },
  close: { from: ['replied'], to: 'closed', who: 'owner' },
  'follow-up': { from: ['closed'], to: 'followed-up', who: 'owner' },
};

/** Why an action is refused: a coded error of the family, thrown by the server as it is. */
export type Refusal = CunmenError;

export const STATUS_ZH: Record<Status, string> = {
  submitted: '待受理',
  accepted: '已受理',
  dispatched: '办理中',
  returned: '已退回',
  replied: '已答复',
  closed: '已办结',
  'followed-up': '已回访',
};

/** Whether the role may read the queue, case details, metrics and settings of its division. */
export function isReader(actor: Pick<Actor, 'role'>): boolean {
  return (READ_ROLES as readonly string[]).includes(actor.role);
}

function isStaff(actor: Actor): boolean {
  return (STAFF_ROLES as readonly string[]).includes(actor.role);
}

/** Why `actor` may not take `action` on the case now, or null when they may. */
export function refuse(action: StaffAction, state: CaseState, actor: Actor): Refusal | null {
  if (!isStaff(actor)) {
    return complaintsErrors.error('COMPLAINTS_ERR_ROLE', {
      en: `role ${actor.role} may not ${action} cases`,
      zh: '您的账号不能办理群众诉求',
    });
  }
  if (!within(actor.division, state.village)) {
    return complaintsErrors.error('COMPLAINTS_ERR_NOT_YOUR_UNIT', {
      en: `${actor.division} does not cover ${state.village}`,
      zh: '这件诉求不在您单位的辖区内',
    });
  }
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(state.status)) {
    return complaintsErrors.error('COMPLAINTS_ERR_TRANSITION', {
      en: `cannot ${action} a case that is ${state.status}`,
      zh: `诉求当前为“${STATUS_ZH[state.status]}”，不能进行这项操作`,
    });
  }
  const owner = actor.division === state.ownerDivision;
  const handler = actor.division === state.handlerDivision;
  const ok =
    rule.who === 'intake' ||
    (rule.who === 'owner' && owner) ||
    (rule.who === 'handler' && handler) ||
    (rule.who === 'owner-or-handler' && (owner || handler));
  if (!ok) {
    const whose = rule.who === 'owner' ? '首接（负责）单位' : '当前承办单位';
    return complaintsErrors.error('COMPLAINTS_ERR_NOT_YOUR_UNIT', {
      en: `only the ${rule.who} unit may ${action} this case`,
      zh: `只有${whose}可以进行这项操作`,
    });
  }
  if (action === 'return' && state.ownerDivision === state.handlerDivision) {
    return complaintsErrors.error('COMPLAINTS_ERR_TRANSITION', {
      en: 'the owner handles this case itself; there is nobody to return it to',
      zh: '本单位就是首接单位，无需退回',
    });
  }
  return null;
}

/** The staff actions `actor` may take on the case now (for the buttons). */
export function allowedActions(state: CaseState, actor: Actor): StaffAction[] {
  return (Object.keys(TRANSITIONS) as StaffAction[]).filter((a) => refuse(a, state, actor) === null);
}

/** Whether the resident who submitted may rate now. */
export function refuseRating(state: CaseState): Refusal | null {
  if (state.rating !== null) return complaintsErrors.error('COMPLAINTS_ERR_ALREADY_RATED');
  if (state.status !== 'closed' && state.status !== 'followed-up')
    return complaintsErrors.error('COMPLAINTS_ERR_NOT_CLOSED');
  return null;
}

/* ---------------------------------------------------------------- deadlines and escalation */

export interface DeadlineState {
  acceptDue: string;
  replyDue: string;
  acceptedAt: string | null;
  repliedAt: string | null;
}

/** Accepting is overdue when it happened after the limit, or has not happened and the limit passed. */
export function acceptOverdue(d: DeadlineState, now: string): boolean {
  return d.acceptedAt === null ? now > d.acceptDue : d.acceptedAt > d.acceptDue;
}

export function replyOverdue(d: DeadlineState, now: string): boolean {
  return d.repliedAt === null ? now > d.replyDue : d.repliedAt > d.replyDue;
}

/**
 * Which limits have passed unmet at `now` and were not escalated yet: the sweep escalates each to the
 * township once (recorded in history and the audit log).
 */
export function dueEscalations(
  d: DeadlineState & { acceptEscalatedAt: string | null; replyEscalatedAt: string | null },
  now: string,
): ('accept' | 'reply')[] {
  const out: ('accept' | 'reply')[] = [];
  if (d.acceptedAt === null && now > d.acceptDue && d.acceptEscalatedAt === null) out.push('accept');
  if (d.repliedAt === null && now > d.replyDue && d.replyEscalatedAt === null) out.push('reply');
  return out;
}
