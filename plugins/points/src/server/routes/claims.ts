/**
 * Claims: a resident claims for their household with a photo; a committee member for any household of
 * the village; the committee's queue, and its approvals and rejections (a deduction twice approved).
 */
import { param, parseInput, query, userOf } from '@cunmen/module-api';
import { z } from 'zod';
import { CLAIM_STATUSES, claimBodySchema, pointsErrors, rejectBodySchema } from '../../common/index.js';
import { claimantOf, committeeOf, notJoined, readerOf, residentOf } from '../access.js';
import { approveClaim, createClaim, findClaim, rejectClaim } from '../claims.js';
import type { PointsRoute } from '../context.js';
import { approvedNotice, rejectedNotice, tell } from '../notices.js';
import { findPhoto, storePhoto } from '../photos.js';
import { toClaim } from '../rows.js';

const queueQuery = z.object({ status: z.enum([...CLAIM_STATUSES, 'open']).default('open') });

export const claimRoutes: PointsRoute[] = [
  {
    method: 'POST',
    url: '/photos',
    async handler(c, request, reply) {
      const { user, village, ip } = residentOf(request);
      const row = await storePhoto(c, village, user.id, request.body);
      await c.audit.append({ actor: user.name, action: 'photo.upload', subject: `photo:${row.id}`, ip });
      reply.code(201);
      return { id: row.id, mime: row.mime, size: row.size };
    },
  },
  {
    method: 'GET',
    url: '/photos/:id',
    async handler(c, request, reply) {
      const user = userOf(request);
      // The uploader sees their own photo; otherwise only the committee and the staff above it.
      const village = user.role === 'resident' ? residentOf(request).village : readerOf(request).village;
      const row = await findPhoto(c, village, param(request, 'id'));
      if (user.role === 'resident' && row.uploader_id !== user.id) {
        throw pointsErrors.error('POINTS_ERR_PHOTO_NOT_FOUND');
      }
      const bytes = await c.blobs.get(row.sha256);
      if (!bytes) throw pointsErrors.error('POINTS_ERR_PHOTO_NOT_FOUND');
      reply.header('content-type', row.mime).header('cache-control', 'private, max-age=3600');
      return reply.send(bytes);
    },
  },
  {
    method: 'POST',
    url: '/claims',
    async handler(c, request, reply) {
      const { user, village, ip } = claimantOf(request);
      const body = parseInput(claimBodySchema, request.body);
      const resident = user.role === 'resident';
      const household = resident ? user.household : body.household;
      if (!household) {
        throw resident ? notJoined() : pointsErrors.error('POINTS_ERR_HOUSEHOLD', { field: 'household' });
      }
      if (resident && !body.photo) throw pointsErrors.error('POINTS_ERR_PHOTO_REQUIRED', { field: 'photo' });
      const claim = await createClaim(c, {
        village,
        household,
        item: body.item,
        quantity: body.quantity,
        evidence: body.evidence ?? null,
        photo: body.photo ?? null,
        source: resident ? 'resident' : 'cadre',
        claimant: user.name,
        claimantId: user.id,
        ...(resident ? { registerAs: user.displayName } : {}),
      });
      await c.audit.append({
        actor: user.name,
        action: 'claim.submit',
        subject: `claim:${claim.id}`,
        detail: { village, household, item: claim.item_code, points: claim.points * claim.quantity },
        ip,
      });
      reply.code(201);
      return toClaim(claim);
    },
  },
  {
    method: 'GET',
    url: '/claims',
    async handler(c, request) {
      const { village } = readerOf(request);
      const { status } = parseInput(queueQuery, query(request), 'query');
      const rows = await c.db
        .selectFrom('points_claim')
        .selectAll()
        .where('village', '=', village)
        .where('status', 'in', status === 'open' ? ['pending', 'second'] : [status])
        .orderBy('created_at')
        .orderBy('id')
        .limit(200)
        .execute();
      return { items: rows.map(toClaim) };
    },
  },
  {
    method: 'POST',
    url: '/claims/:id/approve',
    async handler(c, request) {
      const { user, village, ip } = committeeOf(request);
      const id = param(request, 'id');
      const decision = await approveClaim(c, village, id, user);
      await c.audit.append({
        actor: user.name,
        action: decision.status === 'second' ? 'claim.first-approval' : 'claim.approve',
        subject: `claim:${id}`,
        detail: { points: decision.points },
        ip,
      });
      if (decision.status === 'approved') {
        await tell(c, approvedNotice(await findClaim(c.db, village, id), decision.points ?? 0));
      }
      return decision;
    },
  },
  {
    method: 'POST',
    url: '/claims/:id/reject',
    async handler(c, request) {
      const { user, village, ip } = committeeOf(request);
      const id = param(request, 'id');
      const { reason } = parseInput(rejectBodySchema, request.body);
      await rejectClaim(c, village, id, user, reason);
      await c.audit.append({
        actor: user.name,
        action: 'claim.reject',
        subject: `claim:${id}`,
        detail: { reason },
        ip,
      });
      await tell(c, rejectedNotice(await findClaim(c.db, village, id), reason));
      return { status: 'rejected' };
    },
  },
];
