/**
 * `@cunmen/party-building/common`: the framework-free core of 党建 the server and the widgets share — the
 * calendar of organisational life and what is due, the vocabulary, the error family and the API bodies.
 */
export { chinaDay, isDay } from './day.js';
export { type PartyCode, partyErrors } from './errors.js';
export {
  type BranchPublic,
  isOfficerRole,
  isPublicPost,
  MAX_ATTACHMENT_BYTES,
  MEETING_POINTS,
  MEMBER_ROLES,
  MEMBER_STATUSES,
  type Meeting,
  type Member,
  type MemberRole,
  type MemberStatus,
  OFFICER_ROLES,
  type Pioneer,
  POINT_SOURCES,
  POST_KINDS,
  type PointEntry,
  type PointSource,
  type Post,
  type PostKind,
  STUDY_POINTS,
} from './model.js';
export {
  CADENCE,
  type Cadence,
  type DueInput,
  type DueItem,
  dueList,
  type HeldMeeting,
  kindsOf,
  MEETING_KINDS,
  type MeetingKind,
  type PlannedMeeting,
  periodBounds,
  periodOf,
  periodsBetween,
} from './schedule.js';
export {
  type BranchBody,
  branchBodySchema,
  branchUpdateSchema,
  type MeetingBody,
  type MemberBody,
  meetingBodySchema,
  memberBodySchema,
  memberUpdateSchema,
  pioneerBodySchema,
  pointsBodySchema,
  postBodySchema,
  type RecordBody,
  recordBodySchema,
} from './schemas.js';
