/** The answers of the module's API as the widgets read them (server: routes/public.ts, routes/branches.ts). */
import type { BranchPublic, DueItem, Meeting, Pioneer, PointEntry, Post } from './common/index.js';
import type { Member } from './common/model.js';

export interface PublicAnswer {
  branches: BranchPublic[];
  news: Post[];
  pioneers: Pioneer[];
}

export interface MeAnswer {
  member: Member;
  officer: boolean;
  notices: Post[];
  study: (Post & { done: boolean })[];
  upcoming: {
    id: string;
    kind: Meeting['kind'];
    title: string;
    place: string;
    plannedOn: string;
    signedIn: boolean;
  }[];
  points: { total: number; entries: PointEntry[] };
}

export interface BranchSummary {
  id: string;
  name: string;
  address: string;
  phone: string;
  trackingFrom: string;
  hasGroups: boolean;
  secretary: string;
  memberCount: number;
  due: number;
  overdue: number;
}

export interface BranchDetail {
  branch: Omit<BranchSummary, 'secretary' | 'memberCount' | 'due' | 'overdue'>;
  viewer: { officer: boolean };
  due: DueItem[];
  meetings: Meeting[];
  posts: Post[];
  pioneers: Pioneer[];
  points: { member: string; name: string; total: number }[];
}
