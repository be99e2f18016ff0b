/**
 * The 接诉即办 error family (`COMPLAINTS_ERR_…`): the only place a code, its status and its default
 * texts are written. The server throws these, the pure checks shared with the widgets (the submission
 * check, the state machine) return them, and the widgets branch on their codes. Every code is listed on
 * the cadres' page the docs links point to; `errors.test.ts` keeps the two in step. The shared codes
 * (`MODULE_ERR_…`) come from @cunmen/module-api. Framework-free: the widgets bundle it.
 */
import { CunmenError, defineErrors, type ErrorDetail } from '@cunmen/errors';

export const complaintsErrors = defineErrors('COMPLAINTS', '/docs/village/complaints', {
  COMPLAINTS_ERR_CATEGORY: { status: 400, en: 'unknown category', zh: '请选择反映的事项类别' },
  COMPLAINTS_ERR_TEXT_REQUIRED: { status: 400, en: 'text: describe the matter', zh: '请写下您要反映的事情' },
  COMPLAINTS_ERR_TEXT_TOO_LONG: { status: 400, en: 'text: too long', zh: '内容太长了' },
  COMPLAINTS_ERR_TOO_MANY_PHOTOS: { status: 400, en: 'photos: too many', zh: '照片太多了' },
  COMPLAINTS_ERR_PHOTO_UNKNOWN: {
    status: 400,
    en: 'photos: not a photo you uploaded (or it belongs to another case)',
    zh: '照片无效，请重新上传',
  },
  COMPLAINTS_ERR_PHOTO_TOO_LARGE: { status: 413, en: 'photo: too large', zh: '照片太大' },
  COMPLAINTS_ERR_PHOTO_TYPE: {
    status: 415,
    en: 'photo: not a JPEG, PNG or WebP image',
    zh: '请上传 JPG、PNG 或 WebP 格式的照片',
  },
  COMPLAINTS_ERR_PHOTO_QUOTA: {
    status: 429,
    en: 'photo: too many photos today',
    zh: '今天上传的照片太多了，请明天再试',
  },
  COMPLAINTS_ERR_PHOTO_NOT_FOUND: { status: 404, en: 'no such photo', zh: '没有找到这张照片' },
  COMPLAINTS_ERR_RATE_LIMIT: {
    status: 429,
    en: 'too many submissions today',
    zh: '今天提交的次数太多了，请明天再试或拨打村委会电话',
  },
  COMPLAINTS_ERR_OTHER_VILLAGE: {
    status: 403,
    en: 'a resident submits in the portal of their own village',
    zh: '请在您本村的门户中反映',
  },
  COMPLAINTS_ERR_NOT_FOUND: { status: 404, en: 'no such case', zh: '没有找到这件诉求' },
  COMPLAINTS_ERR_ROLE: { status: 403, en: 'your role may not do this', zh: '您的账号不能进行这项操作' },
  COMPLAINTS_ERR_NOT_YOUR_UNIT: {
    status: 403,
    en: 'this is not your unit’s to do',
    zh: '这不在您单位的辖区或职责内',
  },
  COMPLAINTS_ERR_TRANSITION: {
    status: 409,
    en: 'the case’s status does not allow this',
    zh: '诉求当前的状态不能进行这项操作',
  },
  COMPLAINTS_ERR_CONFLICT: {
    status: 409,
    en: 'the case changed meanwhile; reload it',
    zh: '诉求刚刚被其他人更新，请刷新后再试',
  },
  COMPLAINTS_ERR_TARGET: {
    status: 400,
    en: 'target: the village, its township or its county',
    zh: '只能派给本村、所属乡镇或所属县（区）的单位',
  },
  COMPLAINTS_ERR_SAME_UNIT: {
    status: 400,
    en: 'target: that unit handles the case already',
    zh: '这件诉求已经由该单位承办',
  },
  COMPLAINTS_ERR_REASON_REQUIRED: {
    status: 400,
    en: 'reason: say why the case goes back',
    zh: '请写明退回的理由',
  },
  COMPLAINTS_ERR_ANSWER_REQUIRED: { status: 400, en: 'answer: write the answer', zh: '请填写答复内容' },
  COMPLAINTS_ERR_NOTE_REQUIRED: {
    status: 400,
    en: 'note: record what the resident said',
    zh: '请记录回访情况',
  },
  COMPLAINTS_ERR_NOT_CLOSED: {
    status: 409,
    en: 'a case can be rated once it is closed',
    zh: '诉求办结后才能评价',
  },
  COMPLAINTS_ERR_ALREADY_RATED: { status: 409, en: 'this case is rated already', zh: '您已经评价过了' },
  COMPLAINTS_ERR_PERIOD: { status: 400, en: 'period: not a valid period', zh: '统计期间有误' },
  COMPLAINTS_ERR_DIVISION: {
    status: 400,
    en: 'division: not a division code that fits here',
    zh: '地区代码有误',
  },
  COMPLAINTS_ERR_VILLAGE: {
    status: 400,
    en: 'village: a 12-digit village code',
    zh: '请指定村（12 位区划代码）',
  },
});

export type ComplaintsCode = keyof typeof complaintsErrors.codes;

/**
 * `COMPLAINTS_ERR_DIVISION` and `COMPLAINTS_ERR_VILLAGE` answer 400 for a code that cannot be right and
 * 404 for one that is well formed but does not exist (the page documents both). A family gives each code
 * one status, so the 404 is made here.
 */
export function unknownDivision(
  code: 'COMPLAINTS_ERR_DIVISION' | 'COMPLAINTS_ERR_VILLAGE',
  detail: ErrorDetail,
): CunmenError {
  const spec = { ...complaintsErrors.codes[code], status: 404 };
  return new CunmenError(code, spec, complaintsErrors.docsPage, detail);
}
