/** Organisational life of a branch: plan, record (once), attachments, and members' own sign-in. */
import { param, parseInput, query } from '@cunmen/module-api';
import { meetingBodySchema, partyErrors, recordBodySchema } from '../../common/index.js';
import { memberOf, officerOf, viewerOf } from '../access.js';
import type { PartyRoute } from '../context.js';
import {
  addAttachment,
  meetingFor,
  meetingsOf,
  planMeeting,
  recordMeeting,
  signIn,
} from '../meeting-store.js';

const fileName = (raw: string | undefined) => {
  const name = (raw ?? '').trim().slice(0, 100);
  return name || '附件';
};

export const meetingRoutes: PartyRoute[] = [
  {
    method: 'GET',
    url: '/branches/:branch/meetings',
    async handler(c, request) {
      const { branch } = await viewerOf(c, request, param(request, 'branch'));
      return meetingsOf(c, branch.id);
    },
  },
  {
    method: 'POST',
    url: '/branches/:branch/meetings',
    async handler(c, request, reply) {
      const officer = await officerOf(c, request, param(request, 'branch'));
      const body = parseInput(meetingBodySchema, request.body);
      const row = await planMeeting(c, officer.branch, officer.user.name, body);
      await c.audit.append({
        actor: officer.user.name,
        action: 'meeting.plan',
        subject: `meeting:${row.id}`,
        detail: { branch: officer.branch.id, kind: row.kind, plannedOn: row.planned_on },
        ip: officer.ip,
      });
      reply.code(201);
      return { id: row.id, kind: row.kind, plannedOn: row.planned_on, status: row.status };
    },
  },
  {
    method: 'POST',
    url: '/branches/:branch/meetings/:meeting/record',
    async handler(c, request) {
      const officer = await officerOf(c, request, param(request, 'branch'));
      const meeting = await meetingFor(c, officer.branch, param(request, 'meeting'));
      const body = parseInput(recordBodySchema, request.body);
      const { present } = await recordMeeting(c, officer.branch, meeting, officer.user.name, body);
      await c.audit.append({
        actor: officer.user.name,
        action: 'meeting.record',
        subject: `meeting:${meeting.id}`,
        detail: { branch: officer.branch.id, kind: meeting.kind, heldOn: body.heldOn, present },
        ip: officer.ip,
      });
      return { id: meeting.id, status: 'held', heldOn: body.heldOn, present };
    },
  },
  {
    method: 'POST',
    url: '/branches/:branch/meetings/:meeting/attachments',
    async handler(c, request, reply) {
      const officer = await officerOf(c, request, param(request, 'branch'));
      const meeting = await meetingFor(c, officer.branch, param(request, 'meeting'));
      const name = fileName(query(request).name);
      const row = await addAttachment(c, meeting, officer.user.name, name, request.body);
      await c.audit.append({
        actor: officer.user.name,
        action: 'meeting.attach',
        subject: `meeting:${meeting.id}`,
        detail: { attachment: row.id, name: row.name, mime: row.mime, size: row.size, sha256: row.sha256 },
        ip: officer.ip,
      });
      reply.code(201);
      return { id: row.id, name: row.name, mime: row.mime, size: row.size };
    },
  },
  {
    method: 'GET',
    url: '/branches/:branch/meetings/:meeting/attachments/:file',
    async handler(c, request, reply) {
      const { branch } = await viewerOf(c, request, param(request, 'branch'));
      const meeting = await meetingFor(c, branch, param(request, 'meeting'));
      const row = await c.db
        .selectFrom('party_building_attachment')
        .selectAll()
        .where('id', '=', param(request, 'file'))
        .where('meeting', '=', meeting.id)
        .executeTakeFirst();
      const bytes = row ? await c.blobs.get(row.sha256) : null;
      if (!row || !bytes) throw partyErrors.error('PARTY_ERR_ATTACHMENT_NOT_FOUND', { field: 'file' });
      reply.header('content-type', row.mime);
      reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(row.name)}`);
      reply.header('cache-control', 'private, no-store');
      return reply.send(bytes);
    },
  },
  {
    method: 'POST',
    url: '/meetings/:meeting/sign-in',
    async handler(c, request) {
      const me = await memberOf(c, request);
      const meeting = await c.db
        .selectFrom('party_building_meeting')
        .selectAll()
        .where('id', '=', param(request, 'meeting'))
        .where('branch', '=', me.member.branch)
        .executeTakeFirst();
      if (!meeting) throw partyErrors.error('PARTY_ERR_MEETING_NOT_FOUND', { field: 'meeting' });
      await signIn(c, meeting, me.member.id);
      await c.audit.append({
        actor: me.user.name,
        action: 'meeting.sign-in',
        subject: `meeting:${meeting.id}`,
        detail: { member: me.member.id },
        ip: me.ip,
      });
      return { meeting: meeting.id, signedIn: true };
    },
  },
];
