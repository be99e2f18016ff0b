/**
 * The vocabulary of 接诉即办 shared by the server and the widgets: categories, statuses, actions, the
 * settings (time limits and metric weights) with their defaults, and the zod schemas of the API bodies.
 * Framework-free: no Node, no React.
 */
import type { IconName } from '@cunmen/manifest';

/** The time-limit classes of DOMAIN.md: emergency 2 h, 水电气暖 24 h, general 7 d, complex 15 d. */
export const LIMIT_CLASSES = ['emergency', 'utilities', 'general', 'complex'] as const;
export type LimitClass = (typeof LIMIT_CLASSES)[number];

/** What residents choose from (big buttons); each category falls in one time-limit class. */
export const CATEGORIES = {
  safety: {
    limitClass: 'emergency',
    icon: 'alarm',
    'zh-CN': '紧急求助·安全隐患',
    en: 'Emergency / safety hazard',
  },
  utilities: {
    limitClass: 'utilities',
    icon: 'water',
    'zh-CN': '水电气暖',
    en: 'Water, power, gas, heating',
  },
  roads: { limitClass: 'general', icon: 'road', 'zh-CN': '道路交通', en: 'Roads and transport' },
  environment: {
    limitClass: 'general',
    icon: 'broom',
    'zh-CN': '环境卫生',
    en: 'Environment and sanitation',
  },
  neighbourhood: { limitClass: 'general', icon: 'houses', 'zh-CN': '邻里纠纷', en: 'Neighbour disputes' },
  services: { limitClass: 'general', icon: 'document', 'zh-CN': '办事咨询', en: 'Public services' },
  land: { limitClass: 'complex', icon: 'wheat', 'zh-CN': '土地·宅基地', en: 'Land and homesteads' },
  other: { limitClass: 'general', icon: 'chat', 'zh-CN': '其他', en: 'Other' },
} as const satisfies Record<string, { limitClass: LimitClass; icon: IconName; 'zh-CN': string; en: string }>;
export type Category = keyof typeof CATEGORIES;
export const CATEGORY_IDS = Object.keys(CATEGORIES) as Category[];

export function isCategory(value: unknown): value is Category {
  return typeof value === 'string' && Object.hasOwn(CATEGORIES, value);
}

export const STATUSES = [
  'submitted',
  'accepted',
  'dispatched',
  'returned',
  'replied',
  'closed',
  'followed-up',
] as const;
export type Status = (typeof STATUSES)[number];
/** Cases still waiting for an answer (the open-case count, the queue default). */
export const OPEN_STATUSES: readonly Status[] = ['submitted', 'accepted', 'dispatched', 'returned'];

export const STAFF_ACTIONS = [
  'accept',
  'dispatch',
  'transfer',
  'return',
  'reply',
  'close',
  'follow-up',
] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];
/** Every event in a case's history. */
export const EVENT_ACTIONS = ['submit', ...STAFF_ACTIONS, 'rate', 'escalate'] as const;
export type EventAction = (typeof EVENT_ACTIONS)[number];

export const RATINGS = ['satisfied', 'basically-satisfied', 'dissatisfied'] as const;
export type Rating = (typeof RATINGS)[number];
/** The ratings that count as satisfied in 满意率 (12345 practice: 满意 + 基本满意). */
export const SATISFIED_RATINGS: readonly Rating[] = ['satisfied', 'basically-satisfied'];

export const MAX_PHOTOS = 6;
export const MAX_TEXT = 2000;
export const DEFAULT_PHOTO_MAX_BYTES = 5 * 1024 * 1024;
/** The photo types accepted, by content (the server sniffs the bytes; the form checks the declared type). */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];
export const MAX_NOTE = 1000;
export const MAX_DEPARTMENT = 30;
export const MAX_PLACE = 100;

/* ---------------------------------------------------------------- settings */

export interface Settings {
  /** Hours from submission within which the case must be accepted. */
  acceptHours: number;
  /** Hours from submission within which the case must be replied to, per time-limit class. */
  replyHours: Record<LimitClass, number>;
  /** Percent weights of the score; they sum to 100. */
  weights: { response: number; resolution: number; satisfaction: number };
}

export const DEFAULT_SETTINGS: Settings = {
  acceptHours: 2,
  replyHours: { emergency: 2, utilities: 24, general: 7 * 24, complex: 15 * 24 },
  weights: { response: 30, resolution: 35, satisfaction: 35 },
};

/* ---------------------------------------------------------------- answers */

export interface CaseEvent {
  at: string;
  action: EventAction;
  /** The acting unit's name (村委会, 镇政府, 县某局) or 村民 / 系统 — never a staff member's private data. */
  unit: string;
  /** The acting account's display name; only in staff answers. */
  actor?: string;
  fromStatus: Status | null;
  toStatus: Status | null;
  /** Target unit of dispatch/transfer/return/escalation. */
  target?: string;
  note?: string;
}

export interface Deadlines {
  acceptDue: string;
  replyDue: string;
  acceptOverdue: boolean;
  replyOverdue: boolean;
  /** When the case was escalated to the township (first limit passed), if it was. */
  escalatedAt: string | null;
}

export interface CaseSummary {
  id: string;
  tracking: string;
  village: string;
  category: Category;
  status: Status;
  submittedAt: string;
  /** The first 80 characters of the text. */
  excerpt: string;
  handlerUnit: string | null;
  deadlines: Deadlines;
  rating: Rating | null;
}

export interface Unit {
  division: string;
  department: string | null;
  name: string;
}

export interface CaseDetail extends CaseSummary {
  text: string;
  place: string | null;
  location: { lat: number; lng: number } | null;
  public: boolean;
  photos: string[];
  owner: Unit | null;
  handler: Unit | null;
  answer: string | null;
  answeredAt: string | null;
  answerUnit: string | null;
  resolved: boolean | null;
  ratingComment: string | null;
  history: CaseEvent[];
  /** Only in staff answers: who submitted (display name, household). */
  resident?: { name: string; household: string | null };
  /** The actions the caller may take now. */
  actions: (StaffAction | 'rate')[];
  /** The units a dispatch or transfer may target (staff answers). */
  targets?: Unit[];
}

export interface BoardItem {
  tracking: string;
  category: Category;
  receivedAt: string;
  answeredAt: string;
  answerUnit: string;
  /** Masked with maskPersonalData. */
  text: string;
  answer: string;
  rating: Rating | null;
  status: Status;
}

export interface BoardAnswer {
  village: string;
  villageName: string;
  items: BoardItem[];
  metrics: MetricValues;
}

export interface MetricValues {
  cases: number;
  acceptedInTime: number;
  resolved: number;
  rated: number;
  satisfied: number;
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  score: number | null;
}

export interface MetricsAnswer {
  division: string;
  name: string;
  from: string;
  to: string;
  weights: Settings['weights'];
  totals: MetricValues;
  children: { division: string; name: string; metrics: MetricValues }[];
  months: { month: string; metrics: MetricValues }[];
}

export interface SettingsAnswer {
  division: string;
  /** Where the effective values come from: this division, the province or the code defaults. */
  source: 'division' | 'province' | 'default';
  settings: Settings;
  defaults: Settings;
  updatedAt: string | null;
  updatedBy: string | null;
}
