/** Branches: the village's list (cadres and staff above), creation by a cadre, profile and due list. */
import { param, parseInput } from '@cunmen/module-api';
import { branchBodySchema, branchUpdateSchema } from '../../common/index.js';
import { cadreOf, findBranch, officerOf, readerOf, viewerOf } from '../access.js';
import { branchesOf, branchOut, createBranch, dueOf, updateBranch } from '../branch-store.js';
import { pioneersOf, pointsBoard, postsOf } from '../content-store.js';
import type { PartyRoute } from '../context.js';
import { meetingsOf } from '../meeting-store.js';
import { pioneerOut, postOut } from '../rows.js';

export const branchRoutes: PartyRoute[] = [
  {
    method: 'GET',
    url: '/branches',
    async handler(c, request) {
      const { village } = readerOf(request);
      const branches = await branchesOf(c, village);
      const out = [];
      for (const b of branches) {
        const due = await dueOf(c, await findBranch(c, village, b.id));
        out.push({
          ...b,
          due: due.filter((d) => d.status === 'due').length,
          overdue: due.filter((d) => d.status === 'overdue').length,
        });
      }
      return out;
    },
  },
  {
    method: 'POST',
    url: '/branches',
    async handler(c, request, reply) {
      const { user, village, ip } = cadreOf(request);
      const body = parseInput(branchBodySchema, request.body);
      const { branch, secretary } = await createBranch(c, village, body);
      await c.audit.append({
        actor: user.name,
        action: 'branch.create',
        subject: `branch:${branch.id}`,
        detail: { village, name: branch.name, secretary: secretary.id },
        ip,
      });
      reply.code(201);
      return { ...branchOut(branch), secretary: { id: secretary.id, name: secretary.name } };
    },
  },
  {
    method: 'GET',
    url: '/branches/:branch',
    async handler(c, request) {
      const viewer = await viewerOf(c, request, param(request, 'branch'));
      const { branch } = viewer;
      const posts = await postsOf(c, { branch: branch.id }, ['news', 'notice', 'study']);
      return {
        branch: branchOut(branch),
        viewer: { officer: viewer.officer },
        due: await dueOf(c, branch),
        meetings: await meetingsOf(c, branch.id),
        posts: posts.map(postOut),
        pioneers: (await pioneersOf(c, branch.village)).filter((p) => p.branch === branch.id).map(pioneerOut),
        points: await pointsBoard(c, branch.id),
      };
    },
  },
  {
    method: 'PUT',
    url: '/branches/:branch',
    async handler(c, request) {
      const officer = await officerOf(c, request, param(request, 'branch'));
      const body = parseInput(branchUpdateSchema, request.body);
      const row = await updateBranch(c, officer.branch, body);
      await c.audit.append({
        actor: officer.user.name,
        action: 'branch.update',
        subject: `branch:${row.id}`,
        detail: body,
        ip: officer.ip,
      });
      return branchOut(row);
    },
  },
  {
    method: 'GET',
    url: '/branches/:branch/due',
    async handler(c, request) {
      const { branch } = await viewerOf(c, request, param(request, 'branch'));
      return dueOf(c, branch);
    },
  },
];
