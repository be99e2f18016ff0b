/**
 * Members with their roles. The list is readable by the branch, the village's cadres and the staff
 * above — masked; one member's full record (birth date, mobile, linked account) only by an officer.
 */
import { param, parseInput } from '@cunmen/module-api';
import { memberBodySchema, memberUpdateSchema } from '../../common/index.js';
import { officerOf, viewerOf } from '../access.js';
import type { PartyRoute } from '../context.js';
import { findMember, insertMember, membersOf, updateMember } from '../member-store.js';
import { memberOut } from '../rows.js';

export const memberRoutes: PartyRoute[] = [
  {
    method: 'GET',
    url: '/branches/:branch/members',
    async handler(c, request) {
      const viewer = await viewerOf(c, request, param(request, 'branch'));
      const rows = await membersOf(c, viewer.branch.id);
      return rows.map((r) => memberOut(r, viewer.officer));
    },
  },
  {
    method: 'GET',
    url: '/branches/:branch/members/:member',
    async handler(c, request) {
      const officer = await officerOf(c, request, param(request, 'branch'));
      const member = await findMember(c, officer.branch, param(request, 'member'));
      // Reading personal data is a privileged action: the audit log keeps who looked at whom.
      await c.audit.append({
        actor: officer.user.name,
        action: 'member.view',
        subject: `member:${member.id}`,
        detail: { branch: officer.branch.id },
        ip: officer.ip,
      });
      return memberOut(member, true);
    },
  },
  {
    method: 'POST',
    url: '/branches/:branch/members',
    async handler(c, request, reply) {
      const officer = await officerOf(c, request, param(request, 'branch'));
      const body = parseInput(memberBodySchema, request.body);
      const row = await insertMember(c, officer.branch, body);
      await c.audit.append({
        actor: officer.user.name,
        action: 'member.add',
        subject: `member:${row.id}`,
        detail: { branch: officer.branch.id, role: row.role, status: row.status },
        ip: officer.ip,
      });
      reply.code(201);
      return memberOut(row, true);
    },
  },
  {
    method: 'PUT',
    url: '/branches/:branch/members/:member',
    async handler(c, request) {
      const officer = await officerOf(c, request, param(request, 'branch'));
      const member = await findMember(c, officer.branch, param(request, 'member'));
      const body = parseInput(memberUpdateSchema, request.body);
      const row = await updateMember(c, member, body);
      await c.audit.append({
        actor: officer.user.name,
        action: 'member.update',
        subject: `member:${row.id}`,
        detail: { branch: officer.branch.id, fields: Object.keys(body) },
        ip: officer.ip,
      });
      return memberOut(row, true);
    },
  },
];
