/**
 * What a service does with data, in the plain words a cadre uses — one row per capability of
 * `@cunmen/manifest` (`CAPABILITIES`; capabilities.test.ts keeps the two in step). The manifest's own
 * texts are for reviewers; these say what it reads or writes in the village.
 */
import { type Capability, isCapability } from '@cunmen/manifest';
import type { Locale } from '@cunmen/sdk';

export type AccessKind = 'reads' | 'writes' | 'other';

interface Wording {
  kind: AccessKind;
  'zh-CN': string;
  en: string;
}

export const CAPABILITY_WORDS: Record<Capability, Wording> = {
  'user.read': {
    kind: 'reads',
    'zh-CN': '是哪位村民在用（只看到打码的姓名和户号）',
    en: 'Who is using it (a masked name and the household only)',
  },
  'store.read': {
    kind: 'reads',
    'zh-CN': '它自己在本村存下的资料',
    en: 'What it stored in the village itself',
  },
  'store.write': {
    kind: 'writes',
    'zh-CN': '在本村存资料，例如预约记录',
    en: 'Data it keeps in the village, such as bookings',
  },
  'form.submit': {
    kind: 'writes',
    'zh-CN': '村民填写的表单，例如预约、报名',
    en: 'Forms residents fill in, such as bookings and sign-ups',
  },
  'points.request': {
    kind: 'writes',
    'zh-CN': '给农户申请积分，村委审核后才算数',
    en: 'Points requests for a household, counted once the village committee approves',
  },
  'media.upload': {
    kind: 'writes',
    'zh-CN': '村民上传的照片',
    en: 'Photos residents upload',
  },
  'location.read': {
    kind: 'reads',
    'zh-CN': '手机所在的位置，每次都要村民同意',
    en: "The phone's location, each time with the resident's consent",
  },
  'events.publish': {
    kind: 'other',
    'zh-CN': '通知本门户里的其他服务（不带走资料）',
    en: 'Notifies other services of the portal (takes no data away)',
  },
  'module.api': {
    kind: 'other',
    'zh-CN': '使用省级标准模块自己的后台（只有标准模块可以）',
    en: "Uses the standard module's own back office (standard modules only)",
  },
};

export interface AccessSummary {
  reads: string[];
  writes: string[];
  other: string[];
  /** Capability ids this console has no words for (a newer platform's), shown as they are. */
  unknown: string[];
}

/** The capabilities of a service, grouped into what it reads, what it writes and the rest. */
export function describeAccess(capabilities: readonly string[], locale: Locale): AccessSummary {
  const out: AccessSummary = { reads: [], writes: [], other: [], unknown: [] };
  for (const id of new Set(capabilities)) {
    if (!isCapability(id)) {
      out.unknown.push(id);
      continue;
    }
    const words = CAPABILITY_WORDS[id];
    out[words.kind].push(locale === 'en' ? words.en : words['zh-CN']);
  }
  return out;
}

/** Requested capabilities the province did not grant (null granted: not reviewed with grants). */
export function notGranted(requested: readonly string[], granted: readonly string[] | null): string[] {
  if (granted === null) return [];
  return requested.filter((c) => !granted.includes(c));
}
