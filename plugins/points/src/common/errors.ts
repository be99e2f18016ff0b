/**
 * The 积分制 error family (`POINTS_ERR_…`): the only place a code, its status and its default texts are
 * written. The server throws these and the widgets branch on their codes. Every code is listed on the
 * cadres' page the docs links point to; `errors.test.ts` keeps the two in step. The shared codes
 * (`MODULE_ERR_…`: sign-in, bad input) come from @cunmen/module-api. Framework-free: the widgets bundle it.
 */
import { defineErrors } from '@cunmen/errors';

export const pointsErrors = defineErrors('POINTS', '/docs/village/points', {
  POINTS_ERR_ROLE: { status: 403, en: 'your role may not do this', zh: '您的账号不能进行这项操作' },
  POINTS_ERR_OTHER_VILLAGE: {
    status: 403,
    en: 'this account belongs to another village',
    zh: '只能办理本村的积分事项',
  },
  POINTS_ERR_ASSEMBLY_REQUIRED: {
    status: 400,
    en: 'assembly: a rule book is adopted only with the record of the villagers’ assembly',
    zh: '积分规则须经村民会议表决，请填写会议记录',
  },
  POINTS_ERR_VOTES: {
    status: 400,
    en: 'assembly: the votes do not add up to the attendance',
    zh: '表决票数与到会人数不符',
  },
  POINTS_ERR_NOT_ADOPTED: {
    status: 400,
    en: 'assembly: more than half of those present must vote for',
    zh: '赞成票未超过到会人数的一半，规则未获通过',
  },
  POINTS_ERR_BACKDATED: {
    status: 409,
    en: 'adoptedOn: a new version applies from a day after the assembly, never before the version in force',
    zh: '新规则的施行日期不能早于会议日期或现行规则的施行日期',
  },
  POINTS_ERR_NO_RULEBOOK: {
    status: 409,
    en: 'the village has no rule book in force yet',
    zh: '本村还没有经村民会议通过的积分规则',
  },
  POINTS_ERR_ITEM: {
    status: 400,
    en: 'item: not an item of the rule book in force',
    zh: '该事项不在现行积分规则中',
  },
  POINTS_ERR_HOUSEHOLD: {
    status: 404,
    en: 'household: not a household of this village',
    zh: '本村没有这个户号',
  },
  POINTS_ERR_HOUSEHOLD_EXISTS: {
    status: 409,
    en: 'household: registered already',
    zh: '该户已经登记',
  },
  POINTS_ERR_PHOTO_REQUIRED: { status: 400, en: 'photo: a claim needs a photo', zh: '请拍一张照片作为证明' },
  POINTS_ERR_PHOTO_UNKNOWN: {
    status: 400,
    en: 'photo: not a photo you uploaded (or it belongs to another claim)',
    zh: '照片无效，请重新上传',
  },
  POINTS_ERR_PHOTO_TYPE: {
    status: 415,
    en: 'photo: not a JPEG, PNG or WebP image',
    zh: '请上传 JPG、PNG 或 WebP 格式的照片',
  },
  POINTS_ERR_PHOTO_TOO_LARGE: { status: 413, en: 'photo: too large', zh: '照片太大' },
  POINTS_ERR_PHOTO_QUOTA: {
    status: 429,
    en: 'photo: too many photos today',
    zh: '今天上传的照片太多了，请明天再试',
  },
  POINTS_ERR_PHOTO_NOT_FOUND: { status: 404, en: 'no such photo', zh: '没有找到这张照片' },
  POINTS_ERR_CLAIM_NOT_FOUND: { status: 404, en: 'no such claim', zh: '没有找到这条申请' },
  POINTS_ERR_DECIDED: { status: 409, en: 'the claim is decided already', zh: '这条申请已经处理过了' },
  POINTS_ERR_SECOND_APPROVER: {
    status: 409,
    en: 'a deduction needs a second committee member, not the first approver again',
    zh: '扣分须由另一位村委会成员复核',
  },
  POINTS_ERR_REASON_REQUIRED: { status: 400, en: 'reason: say why', zh: '请写明不通过的理由' },
  POINTS_ERR_GOODS_NOT_FOUND: { status: 404, en: 'no such goods in this shop', zh: '积分超市没有这件商品' },
  POINTS_ERR_BALANCE: {
    status: 409,
    en: 'the household’s redeemable points do not cover this',
    zh: '该户可兑换积分不足',
  },
  POINTS_ERR_STOCK: { status: 409, en: 'not enough in stock', zh: '商品库存不足' },
  POINTS_ERR_RESET_OFF: {
    status: 409,
    en: 'the village does not reset points yearly',
    zh: '本村未设置年度清零',
  },
  POINTS_ERR_RESET_DONE: {
    status: 409,
    en: 'this year’s reset is recorded already',
    zh: '本年度已经清零过了',
  },
  POINTS_ERR_MONTH: { status: 400, en: 'month: YYYY-MM', zh: '月份格式有误' },
});

export type PointsCode = keyof typeof pointsErrors.codes;
