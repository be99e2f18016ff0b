// @vitest-environment node
/**
 * Refused steps of the loop, ratings, metrics, the board and settings: each row checks the exact code
 * (and field), and that nothing changed — every row of every table and the audit log are the same.
 */
import { type Refusal, refusal as r, refusalTable } from '@cunmen/module-api/testing';
import { describe, expect, it } from 'vitest';
import { expectRefused, freshApp, givenFor, type Ids, inV, T, users, V } from './test-helpers.js';

const t = freshApp();
const u = users();
const g = givenFor(u);
const run = (_name: string, row: Refusal<Ids>) => expectRefused(t, row);

const answer = { answer: '好' };
const toTownship = { target: T };
const resolved = { resolved: true };

describe('transitions', () => {
  // biome-ignore format: a table, one row a line
  it.each(refusalTable<Ids>([
    // Reply before accept, accept twice, close before reply, close twice, dispatch after close (409).
    r(g.submitted, u.cadre, 'POST /cases/:id/reply', answer, '409 COMPLAINTS_ERR_TRANSITION'),
    r(g.submitted, u.cadre, 'POST /cases/:id/dispatch', toTownship, '409 COMPLAINTS_ERR_TRANSITION'),
    r(g.accepted, u.cadre, 'POST /cases/:id/accept', {}, '409 COMPLAINTS_ERR_TRANSITION'),
    r(g.accepted, u.cadre, 'POST /cases/:id/close', resolved, '409 COMPLAINTS_ERR_TRANSITION'),
    r(g.accepted, u.cadre, 'POST /cases/:id/return', { reason: 'x' }, '409 COMPLAINTS_ERR_TRANSITION'),
    r(g.accepted, u.cadre, 'POST /cases/:id/follow-up', { note: 'x' }, '409 COMPLAINTS_ERR_TRANSITION'),
    r(g.replied, u.cadre, 'POST /cases/:id/reply', { answer: '再答一次' }, '409 COMPLAINTS_ERR_TRANSITION'),
    r(g.closed, u.cadre, 'POST /cases/:id/close', resolved, '409 COMPLAINTS_ERR_TRANSITION'),
    r(g.closed, u.cadre, 'POST /cases/:id/dispatch', toTownship, '409 COMPLAINTS_ERR_TRANSITION'),
    r(g.closed, u.cadre, 'POST /cases/:id/transfer', toTownship, '409 COMPLAINTS_ERR_TRANSITION'),
    r(g.followedUp, u.cadre, 'POST /cases/:id/follow-up', { note: '再访' }, '409 COMPLAINTS_ERR_TRANSITION'),
    // Roles that must not act, and units that cannot see the case.
    r(g.submitted, u.resident, 'POST /cases/:id/accept', {}, '403 COMPLAINTS_ERR_ROLE'),
    r(g.submitted, u.supervisor, 'POST /cases/:id/accept', {}, '403 COMPLAINTS_ERR_ROLE'),
    r(g.submitted, u.merchant, 'POST /cases/:id/accept', {}, '403 COMPLAINTS_ERR_ROLE'),
    r(g.submitted, u.province, 'POST /cases/:id/accept', {}, '403 COMPLAINTS_ERR_ROLE'),
    r(g.submitted, null, 'POST /cases/:id/accept', {}, '401 MODULE_ERR_SIGN_IN_REQUIRED'),
    r(g.submitted, inV(u.townB, '330521003201'), 'POST /cases/:id/accept', {}, '404 COMPLAINTS_ERR_NOT_FOUND'),
    r(g.submitted, u.cadreB, 'POST /cases/:id/accept', {}, '404 COMPLAINTS_ERR_NOT_FOUND'),
    r(g.accepted, u.supervisor, 'POST /cases/:id/reply', answer, '403 COMPLAINTS_ERR_ROLE'),
    r(g.accepted, u.merchant, 'POST /cases/:id/reply', answer, '403 COMPLAINTS_ERR_ROLE'),
    r(g.accepted, u.resident, 'POST /cases/:id/reply', answer, '403 COMPLAINTS_ERR_ROLE'),
    // The township covers the village but is not the owner.
    r(g.accepted, inV(u.town), 'POST /cases/:id/reply', answer, '403 COMPLAINTS_ERR_NOT_YOUR_UNIT'),
    r(g.accepted, inV(u.town), 'POST /cases/:id/dispatch', toTownship, '403 COMPLAINTS_ERR_NOT_YOUR_UNIT'),
    // A village cadre is kept off a case dispatched to the township; the county too.
    r(g.dispatched, u.cadre, 'POST /cases/:id/reply', { answer: '村里答复' }, '403 COMPLAINTS_ERR_NOT_YOUR_UNIT'),
    r(g.dispatched, u.cadre, 'POST /cases/:id/return', { reason: '不归我们' }, '403 COMPLAINTS_ERR_NOT_YOUR_UNIT'),
    r(g.dispatched, inV(u.county), 'POST /cases/:id/reply', { answer: '县里答复' }, '403 COMPLAINTS_ERR_NOT_YOUR_UNIT'),
    r(g.repliedByTownship, inV(u.town), 'POST /cases/:id/close', resolved, '403 COMPLAINTS_ERR_NOT_YOUR_UNIT'),
    // The target, the reason, the answer and the follow-up note.
    r(g.accepted, u.cadre, 'POST /cases/:id/dispatch', { target: '330521003' }, '400 COMPLAINTS_ERR_TARGET target'),
    r(g.accepted, u.cadre, 'POST /cases/:id/dispatch', { target: '370323' }, '400 COMPLAINTS_ERR_TARGET target'),
    r(g.accepted, u.cadre, 'POST /cases/:id/dispatch', { target: 'town' }, '400 MODULE_ERR_INVALID_ARGUMENT target'),
    r(g.accepted, u.cadre, 'POST /cases/:id/dispatch', { target: V }, '400 COMPLAINTS_ERR_SAME_UNIT target'),
    r(g.accepted, u.cadre, 'POST /cases/:id/dispatch', { target: T, department: '部'.repeat(31) }, '400 MODULE_ERR_INVALID_ARGUMENT department'),
    r(g.accepted, u.cadre, 'POST /cases/:id/reply', { answer: '  ' }, '400 COMPLAINTS_ERR_ANSWER_REQUIRED answer'),
    r(g.accepted, u.cadre, 'POST /cases/:id/reply', {}, '400 MODULE_ERR_INVALID_ARGUMENT answer'),
    r(g.dispatched, inV(u.town), 'POST /cases/:id/transfer', toTownship, '400 COMPLAINTS_ERR_SAME_UNIT target'),
    r(g.dispatched, inV(u.town), 'POST /cases/:id/return', {}, '400 COMPLAINTS_ERR_REASON_REQUIRED reason'),
    r(g.dispatched, inV(u.town), 'POST /cases/:id/return', { reason: ' ' }, '400 COMPLAINTS_ERR_REASON_REQUIRED reason'),
    r(g.repliedByTownship, u.cadre, 'POST /cases/:id/close', {}, '400 MODULE_ERR_INVALID_ARGUMENT resolved'),
    r(g.closed, u.cadre, 'POST /cases/:id/follow-up', {}, '400 COMPLAINTS_ERR_NOTE_REQUIRED note'),
  ]))('%s', run);
});

describe('ratings', () => {
  // biome-ignore format: a table, one row a line
  it.each(refusalTable<Ids>([
    r(g.replied, u.resident, 'POST /cases/:id/rate', { rating: 'satisfied' }, '409 COMPLAINTS_ERR_NOT_CLOSED'),
    r(g.rated, u.resident, 'POST /cases/:id/rate', { rating: 'dissatisfied' }, '409 COMPLAINTS_ERR_ALREADY_RATED'),
    r(g.closed, u.neighbour, 'POST /cases/:id/rate', { rating: 'satisfied' }, '404 COMPLAINTS_ERR_NOT_FOUND'),
    r(g.closed, u.residentB, 'POST /cases/:id/rate', { rating: 'satisfied' }, '404 COMPLAINTS_ERR_NOT_FOUND'),
    r(g.closed, u.cadre, 'POST /cases/:id/rate', { rating: 'satisfied' }, '403 COMPLAINTS_ERR_ROLE'),
    r(g.closed, u.resident, 'POST /cases/:id/rate', { rating: 'great' }, '400 MODULE_ERR_INVALID_ARGUMENT rating'),
  ]))('%s', run);
});

describe('metrics, board and settings', () => {
  const good = {
    acceptHours: 2,
    replyHours: { emergency: 2, utilities: 24, general: 168, complex: 360 },
    weights: { response: 30, resolution: 35, satisfaction: 35 },
  };
  const put = (division: string) => `PUT /settings?division=${division}`;

  // biome-ignore format: a table, one row a line
  it.each(refusalTable<Ids>([
    // Metrics outside the caller's division, bad periods and divisions, residents.
    r(null, u.cadre, `GET /metrics?division=${T}`, undefined, '403 COMPLAINTS_ERR_NOT_YOUR_UNIT'),
    r(null, inV(u.town), 'GET /metrics?division=330521003', undefined, '403 COMPLAINTS_ERR_NOT_YOUR_UNIT'),
    r(null, u.cadre, 'GET /metrics?period=2026-13', undefined, '400 COMPLAINTS_ERR_PERIOD period'),
    r(null, u.cadre, 'GET /metrics?from=2026-11-30&to=2026-11-01', undefined, '400 COMPLAINTS_ERR_PERIOD to'),
    r(null, u.cadre, 'GET /metrics?division=abc', undefined, '400 MODULE_ERR_INVALID_ARGUMENT division'),
    r(null, inV(u.county), 'GET /metrics?division=330521999', undefined, '404 COMPLAINTS_ERR_DIVISION division'),
    r(null, u.resident, 'GET /metrics', undefined, '403 COMPLAINTS_ERR_ROLE'),
    // A board without a village, or for an unknown one.
    r(null, null, 'GET /board', undefined, '400 COMPLAINTS_ERR_VILLAGE village'),
    r(null, null, 'GET /board?village=3305', undefined, '400 COMPLAINTS_ERR_VILLAGE village'),
    r(null, null, 'GET /board?village=330521107999', undefined, '404 COMPLAINTS_ERR_VILLAGE village'),
    // Settings changes by other roles, outside the division and with bad values.
    r(null, u.cadre, put('330521'), good, '403 COMPLAINTS_ERR_ROLE'),
    r(null, inV(u.town), put('330521'), good, '403 COMPLAINTS_ERR_ROLE'),
    r(null, u.resident, put('330521'), good, '403 COMPLAINTS_ERR_ROLE'),
    r(null, inV(u.countyB, '370323108213'), put('330521'), good, '403 COMPLAINTS_ERR_NOT_YOUR_UNIT'),
    r(null, inV(u.county), put('330000'), good, '403 COMPLAINTS_ERR_NOT_YOUR_UNIT'),
    r(null, inV(u.county), put('330521107'), good, '400 COMPLAINTS_ERR_DIVISION division'),
    r(null, inV(u.county), put('330521'), { ...good, weights: { response: 50, resolution: 35, satisfaction: 35 } }, '400 MODULE_ERR_INVALID_ARGUMENT weights'),
    r(null, inV(u.county), put('330521'), { ...good, acceptHours: 0 }, '400 MODULE_ERR_INVALID_ARGUMENT acceptHours'),
    r(null, inV(u.county), put('330521'), { ...good, replyHours: { emergency: 2 } }, '400 MODULE_ERR_INVALID_ARGUMENT replyHours.utilities'),
    r(null, u.resident, 'GET /settings', undefined, '403 COMPLAINTS_ERR_ROLE'),
  ]))('%s', run);

  it('lets the county admin change its own county', async () => {
    const res = await t.inject({
      as: inV(u.county),
      method: 'PUT',
      url: '/settings?division=330521',
      payload: good,
    });
    expect(res.statusCode).toBe(200);
  });
});
