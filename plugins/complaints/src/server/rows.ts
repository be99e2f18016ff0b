/** Row shapes and their mapping to the API answers. */
import {
  acceptOverdue,
  type CaseDetail,
  type CaseEvent,
  type CaseState,
  type CaseSummary,
  type Category,
  type EventAction,
  type MetricCase,
  type Rating,
  replyOverdue,
  type Status,
} from '../common/index.js';

export interface CaseRow {
  id: string;
  tracking: string;
  village: string;
  category: string;
  limit_class: string;
  text: string;
  place: string | null;
  lat: number | null;
  lng: number | null;
  is_public: number;
  status: string;
  resident_id: number;
  resident_name: string;
  household: string | null;
  submitted_at: string;
  accept_due: string;
  reply_due: string;
  accepted_at: string | null;
  owner_division: string | null;
  owner_department: string | null;
  owner_unit: string | null;
  handler_division: string | null;
  handler_department: string | null;
  handler_unit: string | null;
  replied_at: string | null;
  answer: string | null;
  answer_unit: string | null;
  closed_at: string | null;
  resolved: number | null;
  followed_up_at: string | null;
  rating: string | null;
  rating_comment: string | null;
  rated_at: string | null;
  accept_escalated_at: string | null;
  reply_escalated_at: string | null;
  updated_at: string;
}

export interface EventRow {
  case_id: string;
  seq: number;
  at: string;
  action: string;
  from_status: string | null;
  to_status: string | null;
  unit: string;
  actor: string | null;
  actor_id: number | null;
  actor_role: string | null;
  target: string | null;
  note: string | null;
}

export interface PhotoRow {
  id: string;
  village: string;
  uploader_id: number;
  sha256: string;
  mime: string;
  size: number;
  created_at: string;
  case_id: string | null;
  position: number | null;
}

export function stateOf(row: CaseRow): CaseState {
  return {
    village: row.village,
    status: row.status as Status,
    ownerDivision: row.owner_division,
    handlerDivision: row.handler_division,
    rating: row.rating as Rating | null,
  };
}

function deadlines(row: CaseRow, now: string) {
  const d = {
    acceptDue: row.accept_due,
    replyDue: row.reply_due,
    acceptedAt: row.accepted_at,
    repliedAt: row.replied_at,
  };
  const escalations = [row.accept_escalated_at, row.reply_escalated_at]
    .filter((x): x is string => x !== null)
    .sort();
  return {
    acceptDue: row.accept_due,
    replyDue: row.reply_due,
    acceptOverdue: acceptOverdue(d, now),
    replyOverdue: replyOverdue(d, now),
    escalatedAt: escalations[0] ?? null,
  };
}

export function toSummary(row: CaseRow, now: string): CaseSummary {
  const text = [...row.text];
  return {
    id: row.id,
    tracking: row.tracking,
    village: row.village,
    category: row.category as Category,
    status: row.status as Status,
    submittedAt: row.submitted_at,
    excerpt: text.length > 80 ? `${text.slice(0, 80).join('')}…` : row.text,
    handlerUnit: row.handler_unit,
    deadlines: deadlines(row, now),
    rating: row.rating as Rating | null,
  };
}

export function toEvent(row: EventRow, staff: boolean): CaseEvent {
  return {
    at: row.at,
    action: row.action as EventAction,
    unit: row.unit,
    ...(staff && row.actor ? { actor: row.actor } : {}),
    fromStatus: row.from_status as Status | null,
    toStatus: row.to_status as Status | null,
    ...(row.target ? { target: row.target } : {}),
    ...(row.note ? { note: row.note } : {}),
  };
}

export function toDetail(
  row: CaseRow,
  events: EventRow[],
  photos: string[],
  now: string,
  extra: Pick<CaseDetail, 'actions'> & Partial<Pick<CaseDetail, 'resident' | 'targets'>>,
  staff: boolean,
): CaseDetail {
  const unit = (division: string | null, department: string | null, name: string | null) =>
    division && name ? { division, department, name } : null;
  return {
    ...toSummary(row, now),
    text: row.text,
    place: row.place,
    location: row.lat !== null && row.lng !== null ? { lat: row.lat, lng: row.lng } : null,
    public: row.is_public === 1,
    photos,
    owner: unit(row.owner_division, row.owner_department, row.owner_unit),
    handler: unit(row.handler_division, row.handler_department, row.handler_unit),
    answer: row.answer,
    answeredAt: row.replied_at,
    answerUnit: row.answer_unit,
    resolved: row.resolved === null ? null : row.resolved === 1,
    ratingComment: row.rating_comment,
    history: events.map((e) => toEvent(e, staff)),
    ...extra,
  };
}

/** What the metrics read of a case. */
export function metricCase(r: CaseRow): MetricCase {
  return {
    acceptDue: r.accept_due,
    acceptedAt: r.accepted_at,
    closedAt: r.closed_at,
    resolved: r.resolved === null ? null : r.resolved === 1,
    rating: r.rating as Rating | null,
  };
}
