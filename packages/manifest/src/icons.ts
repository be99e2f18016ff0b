/**
 * The names of the UI kit's icons (`@cunmen/ui` draws them; `ui/src/icons/sprite.svg` holds one
 * `<symbol id="cm-icon-<name>">` per name, and a test keeps the two in step). A manifest picks a
 * navigation or tile icon by one of these names, never by an emoji: emoji render as empty boxes where a
 * phone has no emoji font and differently on every Android WebView generation WeChat runs on.
 * React-free and zod-free, so servers, the registry and manifest checks can read it.
 */

/** Each icon's name and what it shows, as an accessible name when an icon stands alone. */
export const ICONS = {
  home: { 'zh-CN': '首页', en: 'Home' },
  back: { 'zh-CN': '返回', en: 'Back' },
  forward: { 'zh-CN': '前往', en: 'Forward' },
  user: { 'zh-CN': '我的', en: 'Me' },
  search: { 'zh-CN': '搜索', en: 'Search' },
  phone: { 'zh-CN': '电话', en: 'Phone' },
  camera: { 'zh-CN': '拍照', en: 'Camera' },
  image: { 'zh-CN': '图片', en: 'Picture' },
  close: { 'zh-CN': '关闭', en: 'Close' },
  plus: { 'zh-CN': '添加', en: 'Add' },
  check: { 'zh-CN': '完成', en: 'Done' },
  warning: { 'zh-CN': '注意', en: 'Warning' },
  info: { 'zh-CN': '说明', en: 'Information' },
  calendar: { 'zh-CN': '日期', en: 'Date' },
  location: { 'zh-CN': '位置', en: 'Location' },
  document: { 'zh-CN': '公开文件', en: 'Document' },
  megaphone: { 'zh-CN': '反映', en: 'Report' },
  tractor: { 'zh-CN': '农机', en: 'Farm machinery' },
  recycle: { 'zh-CN': '回收', en: 'Recycling' },
  alarm: { 'zh-CN': '紧急', en: 'Emergency' },
  water: { 'zh-CN': '水电', en: 'Water and power' },
  road: { 'zh-CN': '道路', en: 'Road' },
  broom: { 'zh-CN': '卫生', en: 'Sanitation' },
  houses: { 'zh-CN': '邻里', en: 'Neighbourhood' },
  wheat: { 'zh-CN': '农田', en: 'Farmland' },
  chat: { 'zh-CN': '留言', en: 'Message' },
  flag: { 'zh-CN': '党建', en: 'Party building' },
  star: { 'zh-CN': '积分', en: 'Points' },
  health: { 'zh-CN': '健康', en: 'Health' },
  inbox: { 'zh-CN': '空', en: 'Empty' },
} as const satisfies Record<string, { 'zh-CN': string; en: string }>;

export type IconName = keyof typeof ICONS;

export const ICON_NAMES = Object.keys(ICONS) as IconName[];

export function isIconName(value: unknown): value is IconName {
  return typeof value === 'string' && Object.hasOwn(ICONS, value);
}
