/**
 * The 党建 error family (`PARTY_ERR_…`): the only place a code, its status and its default texts are
 * written. The server throws these and the widgets branch on their codes. Every code is listed on the
 * branch officers' page the docs links point to; `errors.test.ts` keeps the two in step. The shared
 * codes (`MODULE_ERR_…`: sign-in, bad input) come from @cunmen/module-api. Framework-free.
 */
import { defineErrors } from '@cunmen/errors';

export const partyErrors = defineErrors('PARTY', '/docs/village/party-building', {
  PARTY_ERR_ROLE: { status: 403, en: 'your role may not do this', zh: '您的账号不能进行这项操作' },
  PARTY_ERR_OTHER_VILLAGE: {
    status: 403,
    en: 'this account belongs to another village',
    zh: '只能办理本村党组织的事项',
  },
  PARTY_ERR_NOT_OFFICER: {
    status: 403,
    en: 'only an officer of this branch (secretary, deputy or committee member) may do this',
    zh: '只有本支部书记、副书记和支委可以办理',
  },
  PARTY_ERR_NOT_MEMBER: {
    status: 403,
    en: 'this account is not linked to a member of a branch of this village',
    zh: '您的账号还没有登记为本村党员，请联系支部书记',
  },
  PARTY_ERR_OTHER_BRANCH: {
    status: 403,
    en: 'this meeting belongs to another branch',
    zh: '这次会议属于其他支部，不能代为记录',
  },
  PARTY_ERR_BRANCH_NOT_FOUND: {
    status: 404,
    en: 'branch: no such branch in this village',
    zh: '本村没有这个支部',
  },
  PARTY_ERR_BRANCH_EXISTS: {
    status: 409,
    en: 'name: the village has a branch of this name already',
    zh: '本村已有同名支部',
  },
  PARTY_ERR_MEMBER_NOT_FOUND: {
    status: 404,
    en: 'member: not a member of this branch',
    zh: '本支部没有这名党员',
  },
  PARTY_ERR_ACCOUNT_TAKEN: {
    status: 409,
    en: 'account: linked to another member already',
    zh: '该账号已关联其他党员',
  },
  PARTY_ERR_MEETING_NOT_FOUND: { status: 404, en: 'meeting: no such meeting', zh: '没有找到这次会议' },
  PARTY_ERR_RECORDED: {
    status: 409,
    en: 'the meeting is recorded already; a record is never rewritten',
    zh: '这次会议已经记录，记录不能修改',
  },
  PARTY_ERR_FUTURE_DATE: {
    status: 400,
    en: 'the day may not be after today',
    zh: '日期不能晚于今天',
  },
  PARTY_ERR_ATTENDEE: {
    status: 400,
    en: 'attendees: everyone on the sign-in sheet must be a member of the branch',
    zh: '签到名单中有不属于本支部的人员',
  },
  PARTY_ERR_SIGN_IN_CLOSED: {
    status: 409,
    en: 'sign-in is open on the meeting day only, until the meeting is recorded',
    zh: '只能在会议当天、会议记录提交前签到',
  },
  PARTY_ERR_POST_NOT_FOUND: { status: 404, en: 'post: no such post', zh: '没有找到这篇内容' },
  PARTY_ERR_ATTACHMENT_TYPE: {
    status: 415,
    en: 'attachment: only PDF, JPEG and PNG files (checked by their content)',
    zh: '附件只能是 PDF、JPG 或 PNG 文件',
  },
  PARTY_ERR_ATTACHMENT_TOO_LARGE: {
    status: 413,
    en: 'attachment: at most 10 MB',
    zh: '附件不能超过 10 MB',
  },
  PARTY_ERR_ATTACHMENT_NOT_FOUND: { status: 404, en: 'attachment: no such file', zh: '没有找到这个附件' },
});

export type PartyCode = keyof typeof partyErrors.codes;
