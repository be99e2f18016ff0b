/**
 * `POST /points/requests` (`points.request`): a signed-in resident asks the village committee for points
 * for their own household (staff of the village for any), with photos this widget uploaded as evidence.
 */
import { checkPointsRequest, refusals } from '@cunmen/host-api';
import type { FastifyInstance } from 'fastify';
import {
  callOf,
  check,
  type HostRoutesContext,
  hostRoute,
  isStaff,
  jsonBody,
  limited,
  newId,
  refuse,
  signedIn,
} from '../context.js';

const FIELDS = ['item', 'householdId', 'quantity', 'note', 'evidence'] as const;

export function pointsRoutes(api: FastifyInstance, ctx: HostRoutesContext): void {
  const { host, limits } = ctx;
  hostRoute(
    api,
    'points.request',
    { config: limited(limits.submissionsPerMinute) },
    async (request, reply) => {
      const call = callOf(request);
      const user = signedIn(call);
      const body = jsonBody(request.body, FIELDS);
      check(checkPointsRequest(body));
      const { item, householdId, quantity, note, evidence } = body as {
        item: string;
        householdId?: string;
        quantity?: number;
        note?: string;
        evidence?: string[];
      };
      const media = evidence ?? [];
      const known = new Set(media.length ? await host.existingMedia(call.village, call.widget, media) : []);
      const missing = media.findIndex((id) => !known.has(id));
      if (missing >= 0) throw refuse(refusals.unknownEvidence(missing));
      const household = householdId ?? user.household;
      if (!household) throw refuse(refusals.noHousehold());
      if (household !== user.household && !isStaff(user, call.village))
        throw refuse(refusals.otherHousehold());
      const id = newId();
      await host.savePointsRequest({
        id,
        village: call.village,
        widget: call.widget,
        householdId: household,
        item: item.trim(),
        quantity: quantity ?? 1,
        note: note ?? null,
        evidence: media,
        userId: user.id,
        status: 'pending',
        createdAt: new Date().toISOString(),
      });
      return reply.code(201).send({ id, status: 'pending' });
    },
  );
}
