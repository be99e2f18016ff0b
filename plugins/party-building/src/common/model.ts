/** The vocabulary of 党建 the server and the widgets share: roles in a branch, posts, points. */
import type { MeetingKind } from './schedule.js';

/** A member's role in the branch: the secretary, deputy and committee members are its officers. */
export const MEMBER_ROLES = ['secretary', 'deputy', 'committee', 'member'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
export const OFFICER_ROLES: readonly MemberRole[] = ['secretary', 'deputy', 'committee'];
export const isOfficerRole = (role: string): boolean => (OFFICER_ROLES as readonly string[]).includes(role);

/** 正式党员 or 预备党员. */
export const MEMBER_STATUSES = ['full', 'probationary'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** News is public; notices and study materials are for the branch's members. */
export const POST_KINDS = ['news', 'notice', 'study'] as const;
export type PostKind = (typeof POST_KINDS)[number];
export const isPublicPost = (kind: PostKind): boolean => kind === 'news';

/** Where a member's points came from. */
export const POINT_SOURCES = ['meeting', 'study', 'activity'] as const;
export type PointSource = (typeof POINT_SOURCES)[number];

/** Points for attending a meeting of each kind, and for finishing one study material. */
export const MEETING_POINTS: Readonly<Record<MeetingKind, number>> = {
  members: 2,
  committee: 1,
  group: 1,
  lecture: 2,
  'theme-day': 3,
};
export const STUDY_POINTS = 1;

/** Attachments of a meeting record: scans and photos of the minutes and the sign-in sheet. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export interface BranchPublic {
  id: string;
  name: string;
  secretary: string;
  phone: string;
  address: string;
  memberCount: number;
}

export interface Member {
  id: string;
  branch: string;
  name: string;
  role: MemberRole;
  status: MemberStatus;
  gender: 'male' | 'female';
  /** Masked (`1965-**-**`) unless the reader is an officer of the branch. */
  birthDate: string;
  /** Masked (`138****5678`) unless the reader is an officer of the branch. */
  phone: string;
  joinedOn: string;
  /** The portal sign-in name linked to the member (shown to officers only). */
  account: string | null;
  masked: boolean;
}

export interface Meeting {
  id: string;
  branch: string;
  kind: MeetingKind;
  title: string;
  topic: string;
  place: string;
  plannedOn: string;
  status: 'planned' | 'held';
  heldOn: string | null;
  minutes: string | null;
  attendees: { member: string; name: string; via: 'self' | 'sheet' }[];
  attachments: { id: string; name: string; mime: string; size: number }[];
  recordedBy: string | null;
}

export interface Post {
  id: string;
  branch: string;
  kind: PostKind;
  title: string;
  body: string;
  author: string;
  publishedAt: string;
}

export interface Pioneer {
  id: string;
  branch: string;
  name: string;
  honour: string;
  story: string;
  year: number;
}

export interface PointEntry {
  id: string;
  member: string;
  points: number;
  source: PointSource;
  reason: string;
  at: string;
}
