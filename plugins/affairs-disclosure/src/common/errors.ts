/**
 * This module's error family (`AFFAIRS_ERR_…`), with the zh-CN text a cadre or resident reads. Routes throw
 * `affairsErrors.error(code, { field })`; the shared codes (`MODULE_ERR_…`) come from @cunmen/module-api.
 * Every code is listed on the cadres' page that the docs links point to; `errors.test.ts` keeps the two in
 * step. Framework-free, so the widgets may read the codes too.
 */
import { defineErrors } from '@cunmen/errors';

export const affairsErrors = defineErrors('AFFAIRS', '/docs/village/affairs-disclosure', {
  AFFAIRS_ERR_CATALOGUE_ITEM: { status: 400, en: 'unknown catalogue item', zh: '目录中没有这个公开事项' },
  AFFAIRS_ERR_CATALOGUE_KEY: {
    status: 409,
    en: 'the catalogue already has this item',
    zh: '目录中已有这个事项',
  },
  AFFAIRS_ERR_PERIOD: { status: 400, en: 'the period does not fit the item', zh: '公开期次填写有误' },
  AFFAIRS_ERR_DUPLICATE: {
    status: 409,
    en: 'this item already has a disclosure for the period',
    zh: '本期已有这项公开，请修改原稿或提交更正',
  },
  AFFAIRS_ERR_ITEM_NOT_FOUND: { status: 404, en: 'no such disclosure', zh: '没有找到这项公开' },
  AFFAIRS_ERR_ATTACHMENT_NOT_FOUND: { status: 404, en: 'no such attachment', zh: '没有找到这个附件' },
  AFFAIRS_ERR_QUESTION_NOT_FOUND: { status: 404, en: 'no such question', zh: '没有找到这个提问' },
  AFFAIRS_ERR_WRONG_ROLE: {
    status: 403,
    en: 'your role may not take this step',
    zh: '您的身份不能进行这一步',
  },
  AFFAIRS_ERR_SELF_REVIEW: {
    status: 403,
    en: 'the drafter may not review their own disclosure',
    zh: '起草人不能审核自己起草的公开',
  },
  AFFAIRS_ERR_TRANSITION: {
    status: 409,
    en: 'this step is not possible in the current status',
    zh: '当前状态不能进行这一步',
  },
  AFFAIRS_ERR_IMMUTABLE: {
    status: 409,
    en: 'a published disclosure is never edited or deleted; submit a correction',
    zh: '已公开的内容不能修改或删除，请提交更正',
  },
  AFFAIRS_ERR_REVISION_OPEN: {
    status: 409,
    en: 'a correction of this disclosure is already in progress',
    zh: '这项公开已有一份更正在办理中',
  },
  AFFAIRS_ERR_NOT_PUBLISHED: { status: 409, en: 'this disclosure is not published', zh: '这项公开尚未发布' },
  AFFAIRS_ERR_UNBALANCED: {
    status: 400,
    en: 'closing balance ≠ opening balance + income − expenditure',
    zh: '期末余额应等于期初余额加收入合计减支出合计',
  },
  AFFAIRS_ERR_FINANCE_NOT_ALLOWED: {
    status: 400,
    en: 'only finance items carry a finance table',
    zh: '只有财务公开事项可以填写收支表',
  },
  AFFAIRS_ERR_COUNCIL_DATE: {
    status: 400,
    en: 'the joint meeting date must be between submission and today',
    zh: '两委会议日期应在提交审核之后、不晚于今天',
  },
  AFFAIRS_ERR_FILE_TYPE: {
    status: 415,
    en: 'accepted files: JPEG, PNG, PDF, XLSX, CSV',
    zh: '只能上传 JPG、PNG、PDF、XLSX 或 CSV 文件',
  },
  AFFAIRS_ERR_FILE_CONTENT: {
    status: 400,
    en: 'the file content does not match its name',
    zh: '文件内容与文件类型不符',
  },
  AFFAIRS_ERR_FILE_EMPTY: { status: 400, en: 'the file is empty', zh: '文件是空的' },
  AFFAIRS_ERR_FILE_TOO_LARGE: { status: 413, en: 'the file is too large', zh: '文件过大' },
  AFFAIRS_ERR_TOO_MANY_FILES: { status: 409, en: 'too many attachments', zh: '附件数量已达上限' },
  AFFAIRS_ERR_CONFIRM_REQUIRED: {
    status: 400,
    en: 'confirm the image or PDF holds no personal data',
    zh: '请确认图片或 PDF 中没有身份证号、手机号、银行卡号等个人信息',
  },
  AFFAIRS_ERR_TOO_MANY_QUESTIONS: {
    status: 429,
    en: 'too many questions today; try again tomorrow',
    zh: '今天提问次数已达上限，请明天再提',
  },
  AFFAIRS_ERR_ALREADY_ANSWERED: {
    status: 409,
    en: 'this question was answered already',
    zh: '这个提问已经答复过了',
  },
  AFFAIRS_ERR_VILLAGE_REQUIRED: {
    status: 400,
    en: 'name the village (?village=) when not signed in',
    zh: '请指明村（village）',
  },
  AFFAIRS_ERR_DIVISION: { status: 400, en: 'unknown division code', zh: '区划代码有误' },
  AFFAIRS_ERR_SCOPE: {
    status: 403,
    en: 'you may only set this for your own province or county',
    zh: '只能设置本级（本省、本县或本村）的事项',
  },
});

export type ErrorCode = keyof typeof affairsErrors.codes;
