/**
 * Capabilities a widget may request in its manifest. The province grants a subset at review; the shell
 * server checks every host-API call against the granted set. Reading the village and the widget's own
 * config needs no capability. zod/mini: the granted set is part of the snapshot the browser parses.
 */
import * as z from 'zod/mini';

export const CAPABILITIES = {
  'user.read': {
    'zh-CN': '读取当前登录村民的基本信息（脱敏姓名、户号）',
    en: 'Read the signed-in resident (masked name, household)',
  },
  'store.read': { 'zh-CN': '读取本组件在本村的数据', en: "Read this widget's documents in the village" },
  'store.write': { 'zh-CN': '写入本组件在本村的数据', en: "Write this widget's documents in the village" },
  'form.submit': { 'zh-CN': '提交表单（如预约、报名）', en: 'Submit forms (bookings, sign-ups)' },
  'points.request': {
    'zh-CN': '为农户申请积分（需村委审核）',
    en: 'Request points for a household (approved by the village committee)',
  },
  'media.upload': { 'zh-CN': '上传照片', en: 'Upload photos' },
  'events.publish': { 'zh-CN': '向其他组件发布事件', en: 'Publish events to other widgets' },
  'location.read': {
    'zh-CN': '读取位置（需村民同意）',
    en: "Read the device location (with the resident's consent)",
  },
  'module.api': {
    'zh-CN': '调用本标准模块自己的服务端接口（仅限省级标准模块）',
    en: "Call the standard module's own server routes (standard modules only)",
  },
} as const satisfies Record<string, { 'zh-CN': string; en: string }>;

export type Capability = keyof typeof CAPABILITIES;

export const CAPABILITY_IDS = Object.keys(CAPABILITIES) as Capability[];

export const capabilitySchema = z.enum(CAPABILITY_IDS as [Capability, ...Capability[]]);

export function isCapability(value: unknown): value is Capability {
  return typeof value === 'string' && value in CAPABILITIES;
}
