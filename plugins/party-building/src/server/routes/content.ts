/** What officers publish — news, notices, study materials, the pioneer showcase — and activity points. */
import { param, parseInput } from '@cunmen/module-api';
import { pioneerBodySchema, pointsBodySchema, postBodySchema } from '../../common/index.js';
import { officerOf } from '../access.js';
import { addPioneer, addPost, awardPoints } from '../content-store.js';
import type { PartyRoute } from '../context.js';
import { findMember } from '../member-store.js';
import { pioneerOut, pointsOut, postOut } from '../rows.js';

export const contentRoutes: PartyRoute[] = [
  {
    method: 'POST',
    url: '/branches/:branch/posts',
    async handler(c, request, reply) {
      const officer = await officerOf(c, request, param(request, 'branch'));
      const body = parseInput(postBodySchema, request.body);
      const row = await addPost(c, officer.branch, officer.member.name, body);
      await c.audit.append({
        actor: officer.user.name,
        action: 'post.publish',
        subject: `post:${row.id}`,
        detail: { branch: officer.branch.id, kind: row.kind, title: row.title },
        ip: officer.ip,
      });
      reply.code(201);
      return postOut(row);
    },
  },
  {
    method: 'POST',
    url: '/branches/:branch/pioneers',
    async handler(c, request, reply) {
      const officer = await officerOf(c, request, param(request, 'branch'));
      const body = parseInput(pioneerBodySchema, request.body);
      const member = await findMember(c, officer.branch, body.member);
      const row = await addPioneer(c, officer.branch, member, body);
      await c.audit.append({
        actor: officer.user.name,
        action: 'pioneer.add',
        subject: `pioneer:${row.id}`,
        detail: { branch: officer.branch.id, member: member.id, honour: row.honour, year: row.year },
        ip: officer.ip,
      });
      reply.code(201);
      return pioneerOut(row);
    },
  },
  {
    method: 'POST',
    url: '/branches/:branch/points',
    async handler(c, request, reply) {
      const officer = await officerOf(c, request, param(request, 'branch'));
      const body = parseInput(pointsBodySchema, request.body);
      const member = await findMember(c, officer.branch, body.member);
      const row = await awardPoints(c, officer.branch, member, officer.user.name, body);
      await c.audit.append({
        actor: officer.user.name,
        action: 'points.award',
        subject: `member:${member.id}`,
        detail: { branch: officer.branch.id, points: row.points, reason: row.reason },
        ip: officer.ip,
      });
      reply.code(201);
      return pointsOut(row);
    },
  },
];
