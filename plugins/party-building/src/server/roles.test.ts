// @vitest-environment node
/**
 * Every role that must not act, on every route that acts (and on a member's personal data): the exact
 * code, a zh-CN message, and no row of any table (nor the audit log) changed. A resident who is no
 * member, a member who is no officer, a cadre who is no officer of the branch, the officer of another
 * branch, a cadre of another village, anonymous visitors, and roles without a part in the branch.
 */
import { type Refusal, refusal, refusalTable } from '@cunmen/module-api/testing';
import { describe, it } from 'vitest';
import { givensFor, type Ids } from './givens.js';
import { anonymous, BRANCH, expectRefused, freshApp, inV, MEETING, member, users } from './test-helpers.js';

const t = freshApp();
const u = users();
const g = givensFor(u);
const ROLE = '403 PARTY_ERR_ROLE';
const OTHER = '403 PARTY_ERR_OTHER_VILLAGE';
const NOT_OFFICER = '403 PARTY_ERR_NOT_OFFICER';
const NOT_MEMBER = '403 PARTY_ERR_NOT_MEMBER';
const ANON = '401 MODULE_ERR_SIGN_IN_REQUIRED';
const record = (p: Ids) => ({ heldOn: '2026-11-02', minutes: '会议记录', attendees: [p.member] });
const post = { kind: 'news', title: '支部新闻', body: '内容' };
const pioneer = (p: Ids) => ({ member: p.member, honour: '优秀共产党员', story: '事迹', year: 2026 });
const points = (p: Ids) => ({ member: p.member, points: 5, reason: '志愿服务' });
const newMember = member({ name: '新党员', account: null, phone: '13857203333' });
const PDF = Buffer.from('%PDF-1.4 minutes');
const pdf = { 'content-type': 'application/pdf' };

/** The officer-only routes of the branch, each with a body. */
const OFFICER_ROUTES: [string, unknown][] = [
  ['PUT /branches/:branch', { address: '新地址' }],
  ['POST /branches/:branch/members', newMember],
  ['PUT /branches/:branch/members/:member', { role: 'committee' }],
  ['GET /branches/:branch/members/:member', undefined],
  ['POST /branches/:branch/meetings', MEETING],
  ['POST /branches/:branch/meetings/:meeting/record', record],
  ['POST /branches/:branch/posts', post],
  ['POST /branches/:branch/pioneers', pioneer],
  ['POST /branches/:branch/points', points],
];

// biome-ignore format: one row a line
const officerRows: Refusal<Ids>[] = OFFICER_ROUTES.flatMap(([call, body]) => [
  refusal(g.twoBranches, u.resident, call, body, NOT_OFFICER),
  refusal(g.twoBranches, u.member, call, body, NOT_OFFICER),
  refusal(g.twoBranches, u.cadre, call, body, NOT_OFFICER),
  refusal(g.twoBranches, u.secretary2, call, body, NOT_OFFICER),
  refusal(g.twoBranches, inV(u.cadreB), call, body, OTHER),
  refusal(g.twoBranches, inV(u.memberB), call, body, OTHER),
  refusal(g.twoBranches, inV(u.town), call, body, ROLE),
  refusal(g.twoBranches, inV(u.county), call, body, ROLE),
  refusal(g.twoBranches, u.supervisor, call, body, ROLE),
  refusal(g.twoBranches, u.merchant, call, body, ROLE),
  refusal(g.twoBranches, anonymous, call, body, ANON),
]);

// biome-ignore format: one row a line
const rows: Refusal<Ids>[] = [
  refusal(null, u.resident, 'POST /branches', BRANCH, ROLE),
  refusal(null, u.supervisor, 'POST /branches', BRANCH, ROLE),
  refusal(null, inV(u.town), 'POST /branches', BRANCH, ROLE),
  refusal(null, inV(u.county), 'POST /branches', BRANCH, ROLE),
  refusal(null, inV(u.cadreB), 'POST /branches', BRANCH, OTHER),
  refusal(null, anonymous, 'POST /branches', BRANCH, ANON),
  refusal(g.branch, u.member, 'POST /branches', BRANCH, ROLE),
  refusal(g.recorded, u.resident, 'POST /branches/:branch/meetings/:meeting/attachments', PDF, NOT_OFFICER, pdf),
  refusal(g.recorded, u.member, 'POST /branches/:branch/meetings/:meeting/attachments', PDF, NOT_OFFICER, pdf),
  refusal(g.recorded, u.cadre, 'POST /branches/:branch/meetings/:meeting/attachments', PDF, NOT_OFFICER, pdf),
  refusal(g.recorded, inV(u.cadreB), 'POST /branches/:branch/meetings/:meeting/attachments', PDF, OTHER, pdf),
  refusal(g.recorded, anonymous, 'POST /branches/:branch/meetings/:meeting/attachments', PDF, ANON, pdf),
  refusal(g.planned, u.resident, 'POST /meetings/:meeting/sign-in', {}, NOT_MEMBER),
  refusal(g.planned, u.cadre, 'POST /meetings/:meeting/sign-in', {}, NOT_MEMBER),
  refusal(g.planned, inV(u.memberB), 'POST /meetings/:meeting/sign-in', {}, OTHER),
  refusal(g.planned, inV(u.town), 'POST /meetings/:meeting/sign-in', {}, ROLE),
  refusal(g.planned, anonymous, 'POST /meetings/:meeting/sign-in', {}, ANON),
  refusal(g.posts, u.resident, 'POST /study/:study/done', {}, NOT_MEMBER),
  refusal(g.posts, inV(u.memberB), 'POST /study/:study/done', {}, OTHER),
  refusal(g.posts, anonymous, 'POST /study/:study/done', {}, ANON),
  refusal(g.posts, u.resident, 'GET /me', undefined, NOT_MEMBER),
  refusal(g.posts, anonymous, 'GET /me', undefined, ANON),
  refusal(g.posts, u.resident, 'GET /posts/:notice', undefined, NOT_MEMBER),
  refusal(g.posts, anonymous, 'GET /posts/:notice', undefined, ANON),
  refusal(g.branch, u.resident, 'GET /branches', undefined, ROLE),
  refusal(g.branch, u.member, 'GET /branches', undefined, ROLE),
  refusal(g.branch, anonymous, 'GET /branches', undefined, ANON),
  refusal(g.branch, u.resident, 'GET /branches/:branch/members', undefined, NOT_MEMBER),
  refusal(g.branch, inV(u.cadreB), 'GET /branches/:branch/members', undefined, OTHER),
  refusal(g.branch, anonymous, 'GET /branches/:branch/members', undefined, ANON),
];

describe('roles that must not act', () => {
  it.each(refusalTable(officerRows))('%s', (_, row) => expectRefused(t, row));
  it.each(refusalTable(rows))('%s', (_, row) => expectRefused(t, row));
});
