/**
 * The disclosure workflow as a pure state machine. Who may act is decided here too (by role and by
 * whether the actor drafted the revision), so the server and the cadre page agree on it.
 *
 * - `edit`, `delete`: a village cadre, on `draft` or `returned` (a revision never submitted or sent back).
 * - `submit`: a village cadre, `draft`/`returned` → `submitted` (to 村务监督委员会).
 * - `approve` / `return`: a supervisor (村务监督委员会 member) of the village, `submitted` → `reviewed` /
 *   `returned` (with a reason). The supervisor may never be the drafter.
 * - `council`: a village cadre records the 两委 joint meeting's approval and its date, `reviewed` →
 *   `approved`. The drafter may do this: the decision is the joint meeting's, recorded by whichever cadre
 *   keeps the minutes; the independent check is the supervisor's, which the drafter can never give.
 * - `publish`: a village cadre, `approved` → `published`.
 * Nothing leaves `published` except `superseded`, which only publishing a correction does.
 */
import type { Action, Status } from './enums.js';

export type ActorRole = 'village-cadre' | 'supervisor' | 'other';

const RULES: Record<Action, { from: readonly Status[]; to: Status | null; role: ActorRole }> = {
  edit: { from: ['draft', 'returned'], to: null, role: 'village-cadre' },
  delete: { from: ['draft', 'returned'], to: null, role: 'village-cadre' },
  submit: { from: ['draft', 'returned'], to: 'submitted', role: 'village-cadre' },
  approve: { from: ['submitted'], to: 'reviewed', role: 'supervisor' },
  return: { from: ['submitted'], to: 'returned', role: 'supervisor' },
  council: { from: ['reviewed'], to: 'approved', role: 'village-cadre' },
  publish: { from: ['approved'], to: 'published', role: 'village-cadre' },
};

export type TransitionError =
  | 'AFFAIRS_ERR_WRONG_ROLE'
  | 'AFFAIRS_ERR_SELF_REVIEW'
  | 'AFFAIRS_ERR_TRANSITION'
  | 'AFFAIRS_ERR_IMMUTABLE';

export type TransitionResult = { ok: true; to: Status } | { ok: false; error: TransitionError };

/** The role an action needs. */
export function roleFor(action: Action): ActorRole {
  return RULES[action].role;
}

/** Whether `action` by `role` (`isDrafter`: the actor created this revision) is allowed on `status`. */
export function transition(
  status: Status,
  action: Action,
  role: ActorRole,
  isDrafter: boolean,
): TransitionResult {
  const rule = RULES[action];
  if (role !== rule.role) return { ok: false, error: 'AFFAIRS_ERR_WRONG_ROLE' };
  if (action === 'approve' || action === 'return') {
    if (isDrafter) return { ok: false, error: 'AFFAIRS_ERR_SELF_REVIEW' };
  }
  if (!rule.from.includes(status)) {
    const locked = status === 'published' || status === 'superseded';
    return {
      ok: false,
      error:
        locked && (action === 'edit' || action === 'delete')
          ? 'AFFAIRS_ERR_IMMUTABLE'
          : 'AFFAIRS_ERR_TRANSITION',
    };
  }
  return { ok: true, to: rule.to ?? status };
}

/** The actions `role` could take next on a revision in `status` (buttons to show). */
export function availableActions(status: Status, role: ActorRole, isDrafter: boolean): Action[] {
  return (Object.keys(RULES) as Action[]).filter((a) => transition(status, a, role, isDrafter).ok);
}

/** A revision residents can read. */
export const isPublic = (status: Status) => status === 'published' || status === 'superseded';
