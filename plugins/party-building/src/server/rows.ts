/** The rows of the module's tables as Kysely reads them, and their mapping to the API's shapes. */
import { maskPhone } from '@cunmen/pii';
import type { Member, MemberRole, MemberStatus, PostKind } from '../common/index.js';
import type { MeetingKind } from '../common/schedule.js';

export interface BranchRow {
  id: string;
  village: string;
  name: string;
  address: string;
  phone: string;
  tracking_from: string;
  has_groups: number;
  created_at: string;
  updated_at: string;
}

export interface MemberRow {
  id: string;
  village: string;
  branch: string;
  name: string;
  gender: 'male' | 'female';
  birth_date: string;
  phone: string;
  joined_on: string;
  role: MemberRole;
  status: MemberStatus;
  account: string | null;
  created_at: string;
  updated_at: string;
}

export interface MeetingRow {
  id: string;
  village: string;
  branch: string;
  kind: MeetingKind;
  title: string;
  topic: string;
  place: string;
  planned_on: string;
  status: 'planned' | 'held';
  held_on: string | null;
  minutes: string | null;
  recorded_by: string | null;
  recorded_at: string | null;
  planned_by: string;
  created_at: string;
}

export interface AttendanceRow {
  meeting: string;
  member: string;
  via: 'self' | 'sheet';
  signed_at: string;
}

export interface AttachmentRow {
  id: string;
  meeting: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  uploaded_by: string;
  created_at: string;
}

export interface PostRow {
  id: string;
  village: string;
  branch: string;
  kind: PostKind;
  title: string;
  body: string;
  author: string;
  published_at: string;
}

export interface PioneerRow {
  id: string;
  village: string;
  branch: string;
  member: string;
  name: string;
  honour: string;
  story: string;
  year: number;
  created_at: string;
}

export interface PointsRow {
  id: string;
  village: string;
  branch: string;
  member: string;
  points: number;
  source: 'meeting' | 'study' | 'activity';
  ref: string;
  reason: string;
  approver: string | null;
  at: string;
}

/**
 * A member as the reader may see them: the branch's officers (and the member themself) get the birth
 * date, mobile and linked account; everyone else the year of birth and a masked mobile, on the server.
 */
export function memberOut(row: MemberRow, unmasked: boolean): Member {
  return {
    id: row.id,
    branch: row.branch,
    name: row.name,
    role: row.role,
    status: row.status,
    gender: row.gender,
    birthDate: unmasked ? row.birth_date : `${row.birth_date.slice(0, 4)}-**-**`,
    phone: unmasked ? row.phone : maskPhone(row.phone),
    joinedOn: row.joined_on,
    account: unmasked ? row.account : null,
    masked: !unmasked,
  };
}

export const postOut = (r: PostRow) => ({
  id: r.id,
  branch: r.branch,
  kind: r.kind,
  title: r.title,
  body: r.body,
  author: r.author,
  publishedAt: r.published_at,
});

export const pioneerOut = (r: PioneerRow) => ({
  id: r.id,
  branch: r.branch,
  name: r.name,
  honour: r.honour,
  story: r.story,
  year: r.year,
});

export const pointsOut = (r: PointsRow) => ({
  id: r.id,
  member: r.member,
  points: r.points,
  source: r.source,
  reason: r.reason,
  at: r.at,
});
