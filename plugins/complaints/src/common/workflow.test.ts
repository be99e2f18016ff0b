import { describe, expect, it } from 'vitest';
import type { Status } from './model.js';
import {
  acceptOverdue,
  allowedActions,
  type CaseState,
  dueEscalations,
  refuse,
  refuseRating,
  replyOverdue,
  TRANSITIONS,
} from './workflow.js';

const V = '330521107201';
const cadre = { role: 'village-cadre', division: V };
const township = { role: 'township-staff', division: '330521107' };
const otherTownship = { role: 'township-staff', division: '330521003' };
const county = { role: 'county-admin', division: '330521' };

function state(status: Status, owner: string | null = V, handler: string | null = owner): CaseState {
  return { village: V, status, ownerDivision: owner, handlerDivision: handler, rating: null };
}

describe('the state machine', () => {
  it('lets any staff unit covering the village accept a submitted case, and nobody else', () => {
    const s = state('submitted', null, null);
    expect(refuse('accept', s, cadre)).toBeNull();
    expect(refuse('accept', s, township)).toBeNull();
    expect(refuse('accept', s, county)).toBeNull();
    expect(refuse('accept', s, otherTownship)?.code).toBe('COMPLAINTS_ERR_NOT_YOUR_UNIT');
    expect(refuse('accept', s, { role: 'village-cadre', division: '330521003201' })?.code).toBe(
      'COMPLAINTS_ERR_NOT_YOUR_UNIT',
    );
    for (const role of ['resident', 'supervisor', 'merchant', 'province-maintainer', 'county-developer']) {
      expect(refuse('accept', s, { role, division: V })).toMatchObject({
        status: 403,
        code: 'COMPLAINTS_ERR_ROLE',
      });
    }
  });

  it('refuses every action the status does not allow with 409', () => {
    const all = Object.keys(TRANSITIONS) as (keyof typeof TRANSITIONS)[];
    const statuses: Status[] = [
      'submitted',
      'accepted',
      'dispatched',
      'returned',
      'replied',
      'closed',
      'followed-up',
    ];
    for (const status of statuses) {
      for (const action of all) {
        const r = refuse(action, state(status, V, '330521107'), cadre);
        const allowed = TRANSITIONS[action].from.includes(status);
        if (!allowed) expect(r?.code, `${action} on ${status}`).toBe('COMPLAINTS_ERR_TRANSITION');
        else expect(r?.code, `${action} on ${status}`).not.toBe('COMPLAINTS_ERR_TRANSITION');
      }
    }
  });

  it('reply before accept, close twice and dispatch after close are refused', () => {
    expect(refuse('reply', state('submitted', null, null), cadre)?.code).toBe('COMPLAINTS_ERR_TRANSITION');
    expect(refuse('close', state('closed'), cadre)?.code).toBe('COMPLAINTS_ERR_TRANSITION');
    expect(refuse('dispatch', state('closed'), cadre)?.code).toBe('COMPLAINTS_ERR_TRANSITION');
  });

  it('keeps the owner accountable: only the owner dispatches, closes and follows up', () => {
    const dispatched = state('dispatched', V, '330521107');
    expect(refuse('reply', dispatched, cadre)?.code).toBe('COMPLAINTS_ERR_NOT_YOUR_UNIT');
    expect(refuse('reply', dispatched, township)).toBeNull();
    expect(refuse('return', dispatched, township)).toBeNull();
    expect(refuse('return', dispatched, cadre)?.code).toBe('COMPLAINTS_ERR_NOT_YOUR_UNIT');
    expect(refuse('transfer', dispatched, cadre)).toBeNull();
    expect(refuse('transfer', dispatched, township)).toBeNull();
    expect(refuse('transfer', dispatched, county)?.code).toBe('COMPLAINTS_ERR_NOT_YOUR_UNIT');
    const replied = state('replied', V, '330521107');
    expect(refuse('close', replied, township)?.code).toBe('COMPLAINTS_ERR_NOT_YOUR_UNIT');
    expect(refuse('close', replied, cadre)).toBeNull();
    expect(refuse('follow-up', state('closed', V, '330521107'), cadre)).toBeNull();
    expect(refuse('follow-up', state('closed', V, '330521107'), township)?.code).toBe(
      'COMPLAINTS_ERR_NOT_YOUR_UNIT',
    );
  });

  it('lists the actions a unit may take', () => {
    expect(allowedActions(state('accepted'), cadre)).toEqual(['dispatch', 'reply']);
    expect(allowedActions(state('dispatched', V, '330521107'), township)).toEqual([
      'transfer',
      'return',
      'reply',
    ]);
    expect(allowedActions(state('dispatched', V, '330521107'), cadre)).toEqual(['transfer']);
    expect(allowedActions(state('returned'), cadre)).toEqual(['dispatch', 'reply']);
    expect(allowedActions(state('followed-up'), cadre)).toEqual([]);
    expect(allowedActions(state('submitted', null, null), { role: 'supervisor', division: V })).toEqual([]);
  });

  it('lets a dispatched case with the owner as handler not be returned', () => {
    expect(refuse('return', state('dispatched', V, V), cadre)?.code).toBe('COMPLAINTS_ERR_TRANSITION');
  });

  it('allows a rating once, after close', () => {
    expect(refuseRating(state('replied'))?.code).toBe('COMPLAINTS_ERR_NOT_CLOSED');
    expect(refuseRating(state('closed'))).toBeNull();
    expect(refuseRating(state('followed-up'))).toBeNull();
    expect(refuseRating({ ...state('closed'), rating: 'satisfied' })?.code).toBe(
      'COMPLAINTS_ERR_ALREADY_RATED',
    );
  });
});

describe('deadlines', () => {
  const d = {
    acceptDue: '2026-11-02T03:00:00.000Z',
    replyDue: '2026-11-03T01:00:00.000Z',
    acceptedAt: null,
    repliedAt: null,
  };
  it('flags a limit that passed unmet, or was met late', () => {
    expect(acceptOverdue(d, '2026-11-02T03:00:00.000Z')).toBe(false);
    expect(acceptOverdue(d, '2026-11-02T03:00:00.001Z')).toBe(true);
    expect(acceptOverdue({ ...d, acceptedAt: '2026-11-02T02:59:00.000Z' }, '2026-11-09T00:00:00.000Z')).toBe(
      false,
    );
    expect(acceptOverdue({ ...d, acceptedAt: '2026-11-02T03:01:00.000Z' }, '2026-11-09T00:00:00.000Z')).toBe(
      true,
    );
    expect(replyOverdue(d, '2026-11-03T01:00:01.000Z')).toBe(true);
    expect(replyOverdue({ ...d, repliedAt: '2026-11-02T05:00:00.000Z' }, '2026-11-09T00:00:00.000Z')).toBe(
      false,
    );
  });

  it('escalates each passed limit once', () => {
    const e = { ...d, acceptEscalatedAt: null, replyEscalatedAt: null };
    expect(dueEscalations(e, '2026-11-02T02:00:00.000Z')).toEqual([]);
    expect(dueEscalations(e, '2026-11-02T04:00:00.000Z')).toEqual(['accept']);
    expect(dueEscalations(e, '2026-11-04T00:00:00.000Z')).toEqual(['accept', 'reply']);
    expect(
      dueEscalations({ ...e, acceptEscalatedAt: '2026-11-02T04:00:00.000Z' }, '2026-11-04T00:00:00.000Z'),
    ).toEqual(['reply']);
    expect(
      dueEscalations(
        { ...e, acceptedAt: '2026-11-02T04:00:00.000Z', repliedAt: '2026-11-02T05:00:00.000Z' },
        '2026-11-09T00:00:00.000Z',
      ),
    ).toEqual([]);
  });
});
