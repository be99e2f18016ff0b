/**
 * This module's error codes, with the zh-CN message a cadre or resident reads. Route errors are thrown
 * with these (`AFFAIRS_ERR_…`); the shared ones (`MODULE_ERR_…`) come from @cunmen/module-api. The docs
 * page lists every code here; a test keeps the two in step.
 */
export const ERRORS = {
  AFFAIRS_ERR_CATALOGUE_ITEM: [400, 'unknown catalogue item', '目录中没有这个公开事项'],
  AFFAIRS_ERR_CATALOGUE_KEY: [409, 'the catalogue already has this item', '目录中已有这个事项'],
  AFFAIRS_ERR_PERIOD: [400, 'the period does not fit the item', '公开期次填写有误'],
  AFFAIRS_ERR_DUPLICATE: [
    409,
    'this item already has a disclosure for the period',
    '本期已有这项公开，请修改原稿或提交更正',
  ],
  AFFAIRS_ERR_ITEM_NOT_FOUND: [404, 'no such disclosure', '没有找到这项公开'],
  AFFAIRS_ERR_ATTACHMENT_NOT_FOUND: [404, 'no such attachment', '没有找到这个附件'],
  AFFAIRS_ERR_QUESTION_NOT_FOUND: [404, 'no such question', '没有找到这个提问'],
  AFFAIRS_ERR_WRONG_ROLE: [403, 'your role may not take this step', '您的身份不能进行这一步'],
  AFFAIRS_ERR_SELF_REVIEW: [
    403,
    'the drafter may not review their own disclosure',
    '起草人不能审核自己起草的公开',
  ],
  AFFAIRS_ERR_TRANSITION: [409, 'this step is not possible in the current status', '当前状态不能进行这一步'],
  AFFAIRS_ERR_IMMUTABLE: [
    409,
    'a published disclosure is never edited or deleted; submit a correction',
    '已公开的内容不能修改或删除，请提交更正',
  ],
  AFFAIRS_ERR_REVISION_OPEN: [
    409,
    'a correction of this disclosure is already in progress',
    '这项公开已有一份更正在办理中',
  ],
  AFFAIRS_ERR_NOT_PUBLISHED: [409, 'this disclosure is not published', '这项公开尚未发布'],
  AFFAIRS_ERR_UNBALANCED: [
    400,
    'closing balance ≠ opening balance + income − expenditure',
    '期末余额应等于期初余额加收入合计减支出合计',
  ],
  AFFAIRS_ERR_FINANCE_NOT_ALLOWED: [
    400,
    'only finance items carry a finance table',
    '只有财务公开事项可以填写收支表',
  ],
  AFFAIRS_ERR_COUNCIL_DATE: [
    400,
    'the joint meeting date must be between submission and today',
    '两委会议日期应在提交审核之后、不晚于今天',
  ],
  AFFAIRS_ERR_FILE_TYPE: [
    415,
    'accepted files: JPEG, PNG, PDF, XLSX, CSV',
    '只能上传 JPG、PNG、PDF、XLSX 或 CSV 文件',
  ],
  AFFAIRS_ERR_FILE_CONTENT: [400, 'the file content does not match its name', '文件内容与文件类型不符'],
  AFFAIRS_ERR_FILE_EMPTY: [400, 'the file is empty', '文件是空的'],
  AFFAIRS_ERR_FILE_TOO_LARGE: [413, 'the file is too large', '文件过大'],
  AFFAIRS_ERR_TOO_MANY_FILES: [409, 'too many attachments', '附件数量已达上限'],
  AFFAIRS_ERR_CONFIRM_REQUIRED: [
    400,
    'confirm the image or PDF holds no personal data',
    '请确认图片或 PDF 中没有身份证号、手机号、银行卡号等个人信息',
  ],
  AFFAIRS_ERR_TOO_MANY_QUESTIONS: [
    429,
    'too many questions today; try again tomorrow',
    '今天提问次数已达上限，请明天再提',
  ],
  AFFAIRS_ERR_ALREADY_ANSWERED: [409, 'this question was answered already', '这个提问已经答复过了'],
  AFFAIRS_ERR_VILLAGE_REQUIRED: [
    400,
    'name the village (?village=) when not signed in',
    '请指明村（village）',
  ],
  AFFAIRS_ERR_DIVISION: [400, 'unknown division code', '区划代码有误'],
  AFFAIRS_ERR_SCOPE: [
    403,
    'you may only set this for your own province or county',
    '只能设置本级（本省、本县或本村）的事项',
  ],
} as const satisfies Record<string, readonly [number, string, string]>;

export type ErrorCode = keyof typeof ERRORS;
