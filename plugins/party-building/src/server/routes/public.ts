/**
 * The portal's two sides. Public (anyone, signed in or not): each branch's contact, the news and the
 * pioneers. Member side (a signed-in member of a branch of the village): their own record, the
 * branch's notices and study materials, the meetings ahead and their points.
 */
import { callerOf, param, userOf } from '@cunmen/module-api';
import { isOfficerRole, isPublicPost, partyErrors } from '../../common/index.js';
import { memberOf } from '../access.js';
import { branchesOf } from '../branch-store.js';
import { entriesOf, findPost, finishStudy, pioneersOf, postsOf } from '../content-store.js';
import type { PartyRoute } from '../context.js';
import { meetingsOf } from '../meeting-store.js';
import { memberOut, pioneerOut, pointsOut, postOut } from '../rows.js';

export const publicRoutes: PartyRoute[] = [
  {
    method: 'GET',
    url: '/public',
    async handler(c, request) {
      const { village } = callerOf(request);
      const [branches, news, pioneers] = await Promise.all([
        branchesOf(c, village),
        postsOf(c, { village }, ['news']),
        pioneersOf(c, village),
      ]);
      return {
        branches: branches.map(({ trackingFrom: _t, hasGroups: _g, ...b }) => b),
        news: news.slice(0, 20).map(postOut),
        pioneers: pioneers.map(pioneerOut),
      };
    },
  },
  {
    method: 'GET',
    url: '/posts/:post',
    async handler(c, request) {
      const { village } = callerOf(request);
      const post = await findPost(c, village, param(request, 'post'));
      if (isPublicPost(post.kind)) return postOut(post);
      // Notices and study materials are the branch's own: its members, and the village's cadres.
      const user = userOf(request);
      if (user.role === 'village-cadre' && user.division === village) return postOut(post);
      const me = await memberOf(c, request);
      if (me.member.branch !== post.branch) throw partyErrors.error('PARTY_ERR_NOT_MEMBER');
      return postOut(post);
    },
  },
  {
    method: 'GET',
    url: '/me',
    async handler(c, request) {
      const me = await memberOf(c, request);
      const { member } = me;
      const [posts, meetings, entries] = await Promise.all([
        postsOf(c, { branch: member.branch }, ['notice', 'study']),
        meetingsOf(c, member.branch),
        entriesOf(c, member.id),
      ]);
      const studied = new Set(entries.filter((e) => e.source === 'study').map((e) => e.ref));
      return {
        member: memberOut(member, true),
        officer: isOfficerRole(member.role),
        notices: posts.filter((p) => p.kind === 'notice').map(postOut),
        study: posts
          .filter((p) => p.kind === 'study')
          .map((p) => ({ ...postOut(p), done: studied.has(p.id) })),
        upcoming: meetings
          .filter((m) => m.status === 'planned' && m.plannedOn >= c.today())
          .map(({ id, kind, title, place, plannedOn, attendees }) => ({
            id,
            kind,
            title,
            place,
            plannedOn,
            signedIn: attendees.some((a) => a.member === member.id),
          })),
        points: { total: entries.reduce((s, e) => s + e.points, 0), entries: entries.map(pointsOut) },
      };
    },
  },
  {
    method: 'POST',
    url: '/study/:post/done',
    async handler(c, request) {
      const me = await memberOf(c, request);
      const post = await findPost(c, me.village, param(request, 'post'));
      const added = await finishStudy(c, me.member, post);
      if (added) {
        await c.audit.append({
          actor: me.user.name,
          action: 'study.done',
          subject: `post:${post.id}`,
          detail: { member: me.member.id },
          ip: me.ip,
        });
      }
      return { post: post.id, done: true, added };
    },
  },
];
