/**
 * Built-in strings of the components, zh-CN first, en second. The ThemeProvider's `locale` picks the
 * table; `{name}` placeholders are filled by {@link formatMessage}.
 */

export type Locale = 'zh-CN' | 'en';

const zhCN = {
  loading: '加载中…',
  retry: '重试',
  empty: '暂无内容',
  errorDefault: '加载失败，请稍后重试',
  submit: '提交',
  back: '返回',
  close: '关闭',
  required: '（必填）',
  selectPlaceholder: '请选择',
  elderlyMode: '长辈版',
  switchOn: '已开启',
  switchOff: '已关闭',
  counter: '已输入 {count} 字，最多 {max} 字',
  phoneInvalid: '请输入 11 位手机号码',
  phoneOrLandlineInvalid: '请输入手机号码，或带区号的固定电话',
  numberInvalid: '请输入数字',
  numberMin: '不能小于 {min}',
  numberMax: '不能大于 {max}',
  decrease: '减少',
  increase: '增加',
  imageAdd: '添加图片',
  imageHint: '最多 {max} 张，每张不超过 {size}',
  imageType: '只能上传图片（JPG、PNG、WebP）',
  imageSize: '图片不能超过 {size}',
  imageCount: '最多只能上传 {max} 张图片',
  imageAlt: '已选图片 {index}',
  imageRemove: '删除',
  imageRemoveLabel: '删除第 {index} 张图片',
} as const;

export type MessageKey = keyof typeof zhCN;

const en: Record<MessageKey, string> = {
  loading: 'Loading…',
  retry: 'Retry',
  empty: 'Nothing here yet',
  errorDefault: 'Could not load. Please try again later.',
  submit: 'Submit',
  back: 'Back',
  close: 'Close',
  required: ' (required)',
  selectPlaceholder: 'Please choose',
  elderlyMode: 'Senior mode',
  switchOn: 'On',
  switchOff: 'Off',
  counter: '{count} of {max} characters',
  phoneInvalid: 'Enter an 11-digit mobile number',
  phoneOrLandlineInvalid: 'Enter a mobile number, or a landline with its area code',
  numberInvalid: 'Enter a number',
  numberMin: 'Must be at least {min}',
  numberMax: 'Must be at most {max}',
  decrease: 'Decrease',
  increase: 'Increase',
  imageAdd: 'Add photo',
  imageHint: 'Up to {max} photos, {size} each',
  imageType: 'Only images can be uploaded (JPG, PNG, WebP)',
  imageSize: 'Images must not exceed {size}',
  imageCount: 'You can upload at most {max} photos',
  imageAlt: 'Selected photo {index}',
  imageRemove: 'Remove',
  imageRemoveLabel: 'Remove photo {index}',
};

export const messages: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export type MessageParams = Record<string, string | number>;

/**
 * The string for `key` in `locale`, placeholders filled from `params`.
 *
 * @example
 * formatMessage('zh-CN', 'imageSize', { size: '5 MB' }) // '图片不能超过 5 MB'
 */
export function formatMessage(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template = messages[locale][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
