// @vitest-environment node
/**
 * Bad input, each a clear error and no change: a meeting record for another branch (or village), a
 * member's data requested by a non-officer, a record rewritten, days in the future, strangers on the
 * sign-in sheet, and every schema violation of every body — each with its exact code and field.
 */
import { type Refusal, refusal, refusalTable } from '@cunmen/module-api/testing';
import { describe, it } from 'vitest';
import { givensFor, type Ids } from './givens.js';
import { BRANCH, expectRefused, freshApp, MEETING, member, SECRETARY, users } from './test-helpers.js';

const t = freshApp();
const u = users();
const g = givensFor(u);
const INVALID = '400 MODULE_ERR_INVALID_ARGUMENT';
const branch = (over: object) => ({ ...BRANCH, name: '仙潭村第三党支部', ...over });
const sec = (over: object) => branch({ secretary: { ...SECRETARY, account: 'new-sec', ...over } });
const add = (over: object) => member({ account: null, ...over });
const rec = (over: object) => (p: Ids) => ({
  heldOn: '2026-11-02',
  minutes: '会议记录',
  attendees: [p.member],
  ...over,
});
const meet = (over: object) => ({ ...MEETING, ...over });
const RECORD = 'POST /branches/:branch/meetings/:meeting/record';
const GIF = Buffer.from('GIF89a……');

// biome-ignore format: one row a line
const rows: Refusal<Ids>[] = [
  // A meeting record for another branch, or another village.
  refusal(g.twoBranches, u.secretary, 'POST /branches/:branch/meetings/:othersMeeting/record', rec({}), '403 PARTY_ERR_OTHER_BRANCH'),
  refusal(g.twoBranches, u.secretary, 'POST /branches/:other/meetings/:othersMeeting/record', rec({}), '403 PARTY_ERR_NOT_OFFICER'),
  refusal(g.twoBranches, u.secretary, 'POST /branches/:branch/meetings/:othersMeeting/attachments', Buffer.from('%PDF-1.4'), '403 PARTY_ERR_OTHER_BRANCH', { 'content-type': 'application/pdf' }),
  refusal(g.otherVillage, u.secretary, 'POST /branches/:branch/meetings/:m2/record', rec({}), '404 PARTY_ERR_MEETING_NOT_FOUND meeting'),
  refusal(g.otherVillage, u.secretary, 'POST /branches/:b2/meetings/:m2/record', rec({}), '404 PARTY_ERR_BRANCH_NOT_FOUND branch'),
  refusal(g.otherVillage, u.member, 'POST /meetings/:m2/sign-in', {}, '404 PARTY_ERR_MEETING_NOT_FOUND meeting'),
  // A member's data requested by a non-officer.
  refusal(g.branch, u.member, 'GET /branches/:branch/members/:secretary', undefined, '403 PARTY_ERR_NOT_OFFICER'),
  refusal(g.twoBranches, u.secretary2, 'GET /branches/:branch/members/:member', undefined, '403 PARTY_ERR_NOT_OFFICER'),
  refusal(g.branch, u.cadre, 'GET /branches/:branch/members/:member', undefined, '403 PARTY_ERR_NOT_OFFICER'),
  refusal(g.twoBranches, u.secretary, 'GET /branches/:other/members/:member', undefined, '403 PARTY_ERR_NOT_OFFICER'),
  refusal(g.branch, u.secretary, 'GET /branches/:branch/members/nobody', undefined, '404 PARTY_ERR_MEMBER_NOT_FOUND member'),
  refusal(g.branch, u.secretary, 'GET /branches/nope/members', undefined, '404 PARTY_ERR_BRANCH_NOT_FOUND branch'),
  // The record of a meeting.
  refusal(g.recorded, u.secretary, RECORD, rec({}), '409 PARTY_ERR_RECORDED'),
  refusal(g.planned, u.secretary, RECORD, rec({ heldOn: '2026-11-03' }), '400 PARTY_ERR_FUTURE_DATE heldOn'),
  refusal(g.twoBranches, u.secretary, RECORD, rec({ attendees: ['nobody'] }), '400 PARTY_ERR_ATTENDEE attendees.0'),
  refusal(g.planned, u.secretary, 'POST /branches/:branch/meetings/nope/record', rec({}), '404 PARTY_ERR_MEETING_NOT_FOUND meeting'),
  refusal(g.planned, u.secretary, RECORD, rec({ heldOn: '2026-11-31' }), `${INVALID} heldOn`),
  refusal(g.planned, u.secretary, RECORD, rec({ minutes: '  ' }), `${INVALID} minutes`),
  refusal(g.planned, u.secretary, RECORD, rec({ attendees: [] }), `${INVALID} attendees`),
  refusal(g.planned, u.secretary, RECORD, (p: Ids) => ({ heldOn: '2026-11-02', minutes: '记录', attendees: [p.member, p.member] }), `${INVALID} attendees`),
  refusal(g.planned, u.secretary, RECORD, rec({ attendees: 'all' }), `${INVALID} attendees`),
  // Sign-in.
  refusal(g.recorded, u.member, 'POST /meetings/:meeting/sign-in', {}, '409 PARTY_ERR_SIGN_IN_CLOSED'),
  refusal(g.twoBranches, u.member, 'POST /meetings/:othersMeeting/sign-in', {}, '404 PARTY_ERR_MEETING_NOT_FOUND meeting'),
  // Attachments.
  refusal(g.recorded, u.secretary, 'POST /branches/:branch/meetings/:meeting/attachments', GIF, '415 PARTY_ERR_ATTACHMENT_TYPE', { 'content-type': 'image/gif' }),
  refusal(g.recorded, u.secretary, 'POST /branches/:branch/meetings/:meeting/attachments', Buffer.concat([Buffer.from('%PDF-1.4'), Buffer.alloc(10 * 1024 * 1024)]), '413 PARTY_ERR_ATTACHMENT_TOO_LARGE', { 'content-type': 'application/pdf' }),
  refusal(g.recorded, u.member, 'GET /branches/:branch/meetings/:meeting/attachments/nope', undefined, '404 PARTY_ERR_ATTACHMENT_NOT_FOUND file'),
  // Branches.
  refusal(g.branch, u.cadre, 'POST /branches', { ...BRANCH, secretary: { ...SECRETARY, account: 'x-1' } }, '409 PARTY_ERR_BRANCH_EXISTS name'),
  refusal(g.branch, u.cadre, 'POST /branches', branch({}), '409 PARTY_ERR_ACCOUNT_TAKEN account'),
  refusal(null, u.cadre, 'POST /branches', branch({ trackingFrom: '2026-12-01' }), '400 PARTY_ERR_FUTURE_DATE trackingFrom'),
  refusal(null, u.cadre, 'POST /branches', sec({ birthDate: '2027-01-01' }), '400 PARTY_ERR_FUTURE_DATE secretary.birthDate'),
  refusal(null, u.cadre, 'POST /branches', branch({ name: ' ' }), `${INVALID} name`),
  refusal(null, u.cadre, 'POST /branches', branch({ name: '支'.repeat(41) }), `${INVALID} name`),
  refusal(null, u.cadre, 'POST /branches', branch({ address: undefined }), `${INVALID} address`),
  refusal(null, u.cadre, 'POST /branches', branch({ phone: '8401234' }), `${INVALID} phone`),
  refusal(null, u.cadre, 'POST /branches', branch({ trackingFrom: '2026/10/01' }), `${INVALID} trackingFrom`),
  refusal(null, u.cadre, 'POST /branches', branch({ hasGroups: 'yes' }), `${INVALID} hasGroups`),
  refusal(null, u.cadre, 'POST /branches', branch({ secretary: undefined }), `${INVALID} secretary`),
  refusal(null, u.cadre, 'POST /branches', sec({ name: '' }), `${INVALID} secretary.name`),
  refusal(null, u.cadre, 'POST /branches', sec({ gender: 'x' }), `${INVALID} secretary.gender`),
  refusal(null, u.cadre, 'POST /branches', sec({ birthDate: '1968-13-01' }), `${INVALID} secretary.birthDate`),
  refusal(null, u.cadre, 'POST /branches', sec({ phone: '1390572123' }), `${INVALID} secretary.phone`),
  refusal(null, u.cadre, 'POST /branches', sec({ joinedOn: 'yesterday' }), `${INVALID} secretary.joinedOn`),
  refusal(null, u.cadre, 'POST /branches', sec({ status: 'expelled' }), `${INVALID} secretary.status`),
  refusal(null, u.cadre, 'POST /branches', sec({ account: 'a b' }), `${INVALID} secretary.account`),
  refusal(g.branch, u.secretary, 'PUT /branches/:branch', {}, `${INVALID} (body)`),
  refusal(g.branch, u.secretary, 'PUT /branches/:branch', { phone: 'none' }, `${INVALID} phone`),
  refusal(g.twoBranches, u.secretary, 'PUT /branches/:branch', { name: '仙潭村第二党支部' }, '409 PARTY_ERR_BRANCH_EXISTS name'),
  // Members.
  refusal(g.branch, u.secretary, 'POST /branches/:branch/members', add({ name: '' }), `${INVALID} name`),
  refusal(g.branch, u.secretary, 'POST /branches/:branch/members', add({ gender: 'm' }), `${INVALID} gender`),
  refusal(g.branch, u.secretary, 'POST /branches/:branch/members', add({ birthDate: '1975-02-29' }), `${INVALID} birthDate`),
  refusal(g.branch, u.secretary, 'POST /branches/:branch/members', add({ phone: '23857201111' }), `${INVALID} phone`),
  refusal(g.branch, u.secretary, 'POST /branches/:branch/members', add({ joinedOn: undefined }), `${INVALID} joinedOn`),
  refusal(g.branch, u.secretary, 'POST /branches/:branch/members', add({ role: 'chair' }), `${INVALID} role`),
  refusal(g.branch, u.secretary, 'POST /branches/:branch/members', add({ status: 'x' }), `${INVALID} status`),
  refusal(g.branch, u.secretary, 'POST /branches/:branch/members', add({ account: '张' }), `${INVALID} account`),
  refusal(g.branch, u.secretary, 'POST /branches/:branch/members', add({ joinedOn: '2026-11-03' }), '400 PARTY_ERR_FUTURE_DATE joinedOn'),
  refusal(g.branch, u.secretary, 'POST /branches/:branch/members', add({ account: 'lu-zhiwei' }), '409 PARTY_ERR_ACCOUNT_TAKEN account'),
  refusal(g.branch, u.secretary, 'PUT /branches/:branch/members/:member', {}, `${INVALID} (body)`),
  refusal(g.branch, u.secretary, 'PUT /branches/:branch/members/:member', { role: 'boss' }, `${INVALID} role`),
  refusal(g.branch, u.secretary, 'PUT /branches/:branch/members/:member', { phone: '110' }, `${INVALID} phone`),
  refusal(g.branch, u.secretary, 'PUT /branches/:branch/members/:member', { account: 'lu-zhiwei' }, '409 PARTY_ERR_ACCOUNT_TAKEN account'),
  refusal(g.branch, u.secretary, 'PUT /branches/:branch/members/nobody', { role: 'member' }, '404 PARTY_ERR_MEMBER_NOT_FOUND member'),
  // Meetings.
  refusal(g.branch, u.secretary, 'POST /branches/:branch/meetings', meet({ kind: 'party' }), `${INVALID} kind`),
  refusal(g.branch, u.secretary, 'POST /branches/:branch/meetings', meet({ title: '' }), `${INVALID} title`),
  refusal(g.branch, u.secretary, 'POST /branches/:branch/meetings', meet({ topic: '题'.repeat(1001) }), `${INVALID} topic`),
  refusal(g.branch, u.secretary, 'POST /branches/:branch/meetings', meet({ place: undefined }), `${INVALID} place`),
  refusal(g.branch, u.secretary, 'POST /branches/:branch/meetings', meet({ plannedOn: '2026-11' }), `${INVALID} plannedOn`),
  // Posts, pioneers, points, study.
  refusal(g.branch, u.secretary, 'POST /branches/:branch/posts', { kind: 'rumour', title: '标题', body: '内容' }, `${INVALID} kind`),
  refusal(g.branch, u.secretary, 'POST /branches/:branch/posts', { kind: 'news', title: '标'.repeat(61), body: '内容' }, `${INVALID} title`),
  refusal(g.branch, u.secretary, 'POST /branches/:branch/posts', { kind: 'news', title: '标题', body: ' ' }, `${INVALID} body`),
  refusal(g.branch, u.secretary, 'POST /branches/:branch/pioneers', { honour: '先进', story: '事迹', year: 2026 }, `${INVALID} member`),
  refusal(g.branch, u.secretary, 'POST /branches/:branch/pioneers', (p: Ids) => ({ member: p.member, honour: '', story: '事迹', year: 2026 }), `${INVALID} honour`),
  refusal(g.branch, u.secretary, 'POST /branches/:branch/pioneers', (p: Ids) => ({ member: p.member, honour: '先进', story: '事'.repeat(1001), year: 2026 }), `${INVALID} story`),
  refusal(g.branch, u.secretary, 'POST /branches/:branch/pioneers', (p: Ids) => ({ member: p.member, honour: '先进', story: '事迹', year: 1999 }), `${INVALID} year`),
  refusal(g.twoBranches, u.secretary2, 'POST /branches/:other/pioneers', (p: Ids) => ({ member: p.member, honour: '先进', story: '事迹', year: 2026 }), '404 PARTY_ERR_MEMBER_NOT_FOUND member'),
  refusal(g.branch, u.secretary, 'POST /branches/:branch/points', (p: Ids) => ({ member: p.member, points: 0, reason: '无' }), `${INVALID} points`),
  refusal(g.branch, u.secretary, 'POST /branches/:branch/points', (p: Ids) => ({ member: p.member, points: 21, reason: '多' }), `${INVALID} points`),
  refusal(g.branch, u.secretary, 'POST /branches/:branch/points', (p: Ids) => ({ member: p.member, points: 2.5, reason: '半' }), `${INVALID} points`),
  refusal(g.branch, u.secretary, 'POST /branches/:branch/points', (p: Ids) => ({ member: p.member, points: 3 }), `${INVALID} reason`),
  refusal(g.branch, u.secretary, 'POST /branches/:branch/points', { member: 'nobody', points: 3, reason: '志愿' }, '404 PARTY_ERR_MEMBER_NOT_FOUND member'),
  refusal(g.posts, u.member, 'POST /study/:notice/done', {}, '404 PARTY_ERR_POST_NOT_FOUND post'),
  refusal(g.posts, u.member, 'POST /study/nope/done', {}, '404 PARTY_ERR_POST_NOT_FOUND post'),
  refusal(g.posts, u.member, 'GET /posts/nope', undefined, '404 PARTY_ERR_POST_NOT_FOUND post'),
];

describe('bad input changes nothing', () => {
  it.each(refusalTable(rows))('%s', (_, row) => expectRefused(t, row));
});
