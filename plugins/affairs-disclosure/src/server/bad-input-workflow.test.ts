// @vitest-environment node
/**
 * Refused workflow steps: transitions the status does not allow, roles that must not act, reads of the
 * cadre views by the wrong people. Each row: the exact code (and field), and nothing changed — every row
 * of every table and the audit log are the same before and after.
 */
import { type Refusal, refusal as r, refusalTable, testUser } from '@cunmen/module-api/testing';
import { describe, it } from 'vitest';
import {
  expectRefused,
  financeDraft,
  freshApp,
  given as g,
  type Ids,
  users as u,
  XT,
} from './test-helpers.js';

const t = freshApp();
const run = (_name: string, row: Refusal<Ids>) => expectRefused(t, row);

const edit = { title: '改标题', body: '改' };
const meeting = { meetingDate: '2026-11-02' };
/** A supervisor who drafted the item under their cadre name. */
const drafterAsSupervisor = testUser('supervisor', XT, { name: 'cadre-xt' });

describe('forbidden transitions', () => {
  // biome-ignore format: a table, one row a line
  it.each(refusalTable<Ids>([
    // Review of a draft that was not submitted, or approved twice.
    r(g.draft, u.supervisor, 'POST /items/:id/approve', {}, '409 AFFAIRS_ERR_TRANSITION'),
    r(g.draft, u.supervisor, 'POST /items/:id/return', { reason: '缺凭证' }, '409 AFFAIRS_ERR_TRANSITION'),
    r(g.approved, u.supervisor, 'POST /items/:id/approve', {}, '409 AFFAIRS_ERR_TRANSITION'),
    // Publishing without both approvals.
    r(g.draft, u.cadre, 'POST /items/:id/publish', {}, '409 AFFAIRS_ERR_TRANSITION'),
    r(g.submitted, u.cadre, 'POST /items/:id/publish', {}, '409 AFFAIRS_ERR_TRANSITION'),
    r(g.submitted, u.cadre, 'POST /items/:id/council', meeting, '409 AFFAIRS_ERR_TRANSITION'),
    r(g.approved, u.cadre, 'POST /items/:id/publish', {}, '409 AFFAIRS_ERR_TRANSITION'),
    // Submitting twice, editing while under review.
    r(g.submitted, u.cadre, 'POST /items/:id/submit', {}, '409 AFFAIRS_ERR_TRANSITION'),
    r(g.submitted, u.cadre, 'PUT /items/:id', edit, '409 AFFAIRS_ERR_TRANSITION'),
    // A published revision is never edited or deleted (uploads: bad-input-content.test.ts).
    r(g.publishedWithRoster, u.cadre, 'PUT /items/:id', edit, '409 AFFAIRS_ERR_IMMUTABLE'),
    r(g.publishedWithRoster, u.cadre, 'DELETE /items/:id', undefined, '409 AFFAIRS_ERR_IMMUTABLE'),
    r(g.publishedWithRoster, u.cadre, 'DELETE /items/:id/attachments/:aid', undefined, '409 AFFAIRS_ERR_IMMUTABLE'),
    // The drafter approving, under their own role or as a supervisor, and review by the wrong role.
    r(g.submitted, u.cadre, 'POST /items/:id/approve', {}, '403 AFFAIRS_ERR_WRONG_ROLE'),
    r(g.submitted, u.cadre2, 'POST /items/:id/approve', {}, '403 AFFAIRS_ERR_WRONG_ROLE'),
    r(g.submitted, drafterAsSupervisor, 'POST /items/:id/approve', {}, '403 AFFAIRS_ERR_SELF_REVIEW'),
    r(g.submitted, u.supervisor, 'POST /items/:id/council', meeting, '403 AFFAIRS_ERR_WRONG_ROLE'),
    // Corrections only of the current published revision, by a cadre, with a reason.
    r(g.draft, u.cadre, 'POST /items/:id/revisions', { reason: '更正' }, '409 AFFAIRS_ERR_NOT_PUBLISHED'),
    r(g.published, u.cadre, 'POST /items/:id/revisions', { reason: '' }, '400 MODULE_ERR_INVALID_ARGUMENT reason'),
    r(g.published, u.supervisor, 'POST /items/:id/revisions', { reason: '更正' }, '403 MODULE_ERR_FORBIDDEN'),
    // A 两委 meeting before submission, in the future, on no real day, or missing.
    r(g.approved, u.cadre, 'POST /items/:id/council', { meetingDate: '2026-10-30' }, '400 AFFAIRS_ERR_COUNCIL_DATE meetingDate'),
    r(g.approved, u.cadre, 'POST /items/:id/council', { meetingDate: '2026-11-03' }, '400 AFFAIRS_ERR_COUNCIL_DATE meetingDate'),
    r(g.approved, u.cadre, 'POST /items/:id/council', { meetingDate: '2026-02-30' }, '400 AFFAIRS_ERR_COUNCIL_DATE meetingDate'),
    r(g.approved, u.cadre, 'POST /items/:id/council', {}, '400 MODULE_ERR_INVALID_ARGUMENT meetingDate'),
    // Returning without a reason.
    r(g.submitted, u.supervisor, 'POST /items/:id/return', { reason: ' ' }, '400 MODULE_ERR_INVALID_ARGUMENT reason'),
  ]))('%s', run);
});

describe('roles that must not act', () => {
  // biome-ignore format: a table, one row a line
  it.each(refusalTable<Ids>([
    // Drafting: residents, merchants, supervisors, staff above, anonymous, another village's cadre.
    r(null, u.resident, 'POST /items', financeDraft, '403 MODULE_ERR_FORBIDDEN'),
    r(null, u.merchant, 'POST /items', financeDraft, '403 MODULE_ERR_FORBIDDEN'),
    r(null, u.supervisor, 'POST /items', financeDraft, '403 MODULE_ERR_FORBIDDEN'),
    r(null, u.township, 'POST /items', financeDraft, '403 MODULE_ERR_FORBIDDEN'),
    r(null, null, 'POST /items', financeDraft, '401 MODULE_ERR_SIGN_IN_REQUIRED'),
    r(null, { village: XT, user: null }, 'POST /items', financeDraft, '401 MODULE_ERR_SIGN_IN_REQUIRED'),
    // A cadre of 五四村 opening 仙潭村's console.
    r(null, { village: XT, user: u.cadreWs }, 'POST /items', financeDraft, '403 MODULE_ERR_FORBIDDEN'),
    // Reviewing: another village's supervisor, township staff, merchants, residents, anonymous.
    r(g.submitted, u.supervisorWs, 'POST /items/:id/approve', {}, '403 MODULE_ERR_FORBIDDEN'),
    r(g.submitted, { village: XT, user: u.supervisorWs }, 'POST /items/:id/approve', {}, '403 MODULE_ERR_FORBIDDEN'),
    r(g.submitted, u.township, 'POST /items/:id/approve', {}, '403 AFFAIRS_ERR_WRONG_ROLE'),
    r(g.submitted, u.townshipOther, 'POST /items/:id/approve', {}, '403 MODULE_ERR_FORBIDDEN'),
    r(g.submitted, u.merchant, 'POST /items/:id/approve', {}, '403 MODULE_ERR_FORBIDDEN'),
    r(g.submitted, u.resident, 'POST /items/:id/return', { reason: '不同意' }, '403 MODULE_ERR_FORBIDDEN'),
    r(g.submitted, null, 'POST /items/:id/approve', {}, '401 MODULE_ERR_SIGN_IN_REQUIRED'),
    // Reads of the cadre views by residents, merchants, anonymous, other villages and other townships.
    ...['GET /items', 'GET /items/:id', 'GET /items/:id/preview'].flatMap((call) => [
      r(g.draft, u.resident, call, undefined, '403 MODULE_ERR_FORBIDDEN'),
      r(g.draft, u.merchant, call, undefined, '403 MODULE_ERR_FORBIDDEN'),
      r(g.draft, null, call, undefined, '401 MODULE_ERR_SIGN_IN_REQUIRED'),
    ]),
    r(g.draft, u.cadreWs, 'GET /items/:id', undefined, '403 MODULE_ERR_FORBIDDEN'),
    r(g.draft, u.townshipOther, 'GET /items/:id/preview', undefined, '403 MODULE_ERR_FORBIDDEN'),
    r(g.draft, u.countyOther, 'GET /items/:id', undefined, '403 MODULE_ERR_FORBIDDEN'),
  ]))('%s', run);
});
