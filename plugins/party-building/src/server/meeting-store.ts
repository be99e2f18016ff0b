/**
 * Organisational life: a meeting is planned, members sign in on the day, an officer records it once —
 * the day it was held, the minutes and the sign-in sheet — and attending earns each member points.
 * A record is never rewritten: the planned → held step is one conditional update, so two officers
 * recording at once leave one record and the other gets `PARTY_ERR_RECORDED`.
 */
import { randomUUID } from 'node:crypto';
import {
  MAX_ATTACHMENT_BYTES,
  MEETING_POINTS,
  type Meeting,
  type MeetingBody,
  partyErrors,
  type RecordBody,
} from '../common/index.js';
import type { PartyContext } from './context.js';
import type { AttachmentRow, BranchRow, MeetingRow } from './rows.js';

const KIND_TITLE: Record<MeetingRow['kind'], string> = {
  members: '支部党员大会',
  committee: '支部委员会',
  group: '党小组会',
  lecture: '党课',
  'theme-day': '主题党日',
};

export async function planMeeting(c: PartyContext, branch: BranchRow, by: string, body: MeetingBody) {
  const row: MeetingRow = {
    id: randomUUID(),
    village: branch.village,
    branch: branch.id,
    kind: body.kind,
    title: body.title,
    topic: body.topic,
    place: body.place,
    planned_on: body.plannedOn,
    status: 'planned',
    held_on: null,
    minutes: null,
    recorded_by: null,
    recorded_at: null,
    planned_by: by,
    created_at: c.nowIso(),
  };
  await c.db.insertInto('party_building_meeting').values(row).execute();
  return row;
}

/** A meeting of the village; one of another branch is refused for this branch's officer. */
export async function meetingFor(c: PartyContext, branch: BranchRow, id: string): Promise<MeetingRow> {
  const row = await c.db
    .selectFrom('party_building_meeting')
    .selectAll()
    .where('id', '=', id)
    .where('village', '=', branch.village)
    .executeTakeFirst();
  if (!row) throw partyErrors.error('PARTY_ERR_MEETING_NOT_FOUND', { field: 'meeting' });
  if (row.branch !== branch.id) throw partyErrors.error('PARTY_ERR_OTHER_BRANCH');
  return row;
}

export async function recordMeeting(
  c: PartyContext,
  branch: BranchRow,
  meeting: MeetingRow,
  by: string,
  body: RecordBody,
) {
  if (meeting.status === 'held') throw partyErrors.error('PARTY_ERR_RECORDED');
  if (body.heldOn > c.today()) throw partyErrors.error('PARTY_ERR_FUTURE_DATE', { field: 'heldOn' });
  const members = await c.db
    .selectFrom('party_building_member')
    .select('id')
    .where('branch', '=', branch.id)
    .execute();
  const ids = new Set(members.map((m) => m.id));
  const stranger = body.attendees.findIndex((a) => !ids.has(a));
  if (stranger >= 0) throw partyErrors.error('PARTY_ERR_ATTENDEE', { field: `attendees.${stranger}` });
  const now = c.nowIso();
  return c.db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('party_building_meeting')
      .set({ status: 'held', held_on: body.heldOn, minutes: body.minutes, recorded_by: by, recorded_at: now })
      .where('id', '=', meeting.id)
      .where('status', '=', 'planned')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw partyErrors.error('PARTY_ERR_RECORDED');
    const selfSigned = await trx
      .selectFrom('party_building_attendance')
      .select('member')
      .where('meeting', '=', meeting.id)
      .execute();
    const signed = new Set(selfSigned.map((s) => s.member));
    const sheet = body.attendees.filter((a) => !signed.has(a));
    if (sheet.length > 0) {
      await trx
        .insertInto('party_building_attendance')
        .values(
          sheet.map((member) => ({ meeting: meeting.id, member, via: 'sheet' as const, signed_at: now })),
        )
        .execute();
    }
    const present = [...signed, ...sheet];
    await trx
      .insertInto('party_building_points')
      .values(
        present.map((member) => ({
          id: randomUUID(),
          village: branch.village,
          branch: branch.id,
          member,
          points: MEETING_POINTS[meeting.kind],
          source: 'meeting' as const,
          ref: meeting.id,
          reason: `参加${KIND_TITLE[meeting.kind]}：${meeting.title}`,
          approver: by,
          at: now,
        })),
      )
      .execute();
    return { present: present.length };
  });
}

/** A member signs in themself on the meeting day, until the meeting is recorded. */
export async function signIn(c: PartyContext, meeting: MeetingRow, member: string) {
  if (meeting.status !== 'planned' || meeting.planned_on !== c.today()) {
    throw partyErrors.error('PARTY_ERR_SIGN_IN_CLOSED');
  }
  await c.db
    .insertInto('party_building_attendance')
    .values({ meeting: meeting.id, member, via: 'self', signed_at: c.nowIso() })
    .onConflict((oc) => oc.columns(['meeting', 'member']).doNothing())
    .execute();
}

const MAGIC: readonly [string, number[]][] = [
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
];

/** The type the bytes really are (never the declared one), or null. */
export function attachmentType(bytes: Uint8Array): string | null {
  for (const [mime, magic] of MAGIC) if (magic.every((b, i) => bytes[i] === b)) return mime;
  return null;
}

export async function addAttachment(
  c: PartyContext,
  meeting: MeetingRow,
  by: string,
  name: string,
  body: unknown,
): Promise<AttachmentRow> {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw partyErrors.error('PARTY_ERR_ATTACHMENT_TOO_LARGE');
  const mime = attachmentType(bytes);
  if (!mime) throw partyErrors.error('PARTY_ERR_ATTACHMENT_TYPE');
  const row: AttachmentRow = {
    id: randomUUID(),
    meeting: meeting.id,
    name,
    mime,
    size: bytes.length,
    sha256: await c.blobs.put(bytes),
    uploaded_by: by,
    created_at: c.nowIso(),
  };
  await c.db.insertInto('party_building_attachment').values(row).execute();
  return row;
}

/** The branch's meetings, newest plan first, with their sign-in sheets and attachments. */
export async function meetingsOf(c: PartyContext, branch: string): Promise<Meeting[]> {
  const rows = await c.db
    .selectFrom('party_building_meeting')
    .selectAll()
    .where('branch', '=', branch)
    .orderBy('planned_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const attendance = await c.db
    .selectFrom('party_building_attendance as a')
    .innerJoin('party_building_member as m', 'm.id', 'a.member')
    .select(['a.meeting', 'a.member', 'a.via', 'm.name'])
    .where('a.meeting', 'in', ids)
    .orderBy('a.signed_at')
    .orderBy('m.name')
    .execute();
  const files = await c.db
    .selectFrom('party_building_attachment')
    .select(['id', 'meeting', 'name', 'mime', 'size'])
    .where('meeting', 'in', ids)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    branch: r.branch,
    kind: r.kind,
    title: r.title,
    topic: r.topic,
    place: r.place,
    plannedOn: r.planned_on,
    status: r.status,
    heldOn: r.held_on,
    minutes: r.minutes,
    recordedBy: r.recorded_by,
    attendees: attendance
      .filter((a) => a.meeting === r.id)
      .map((a) => ({ member: a.member, name: a.name, via: a.via })),
    attachments: files
      .filter((f) => f.meeting === r.id)
      .map((f) => ({ id: f.id, name: f.name, mime: f.mime, size: Number(f.size) })),
  }));
}
