/**
 * `POST /points/requests` (`points.request`): a signed-in resident asks the village committee for points
 * for their own household (staff of the village for any of the village's), with photos this widget
 * uploaded as evidence. The request becomes a claim in 积分制's queue (modules/points-queue.ts), where
 * the committee approves or rejects it like any other.
 */
import { checkPointsRequest, refusals } from '@cunmen/host-api';
import type { FastifyInstance } from 'fastify';
import { shellError } from '../../errors.js';
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

function notMounted() {
  return shellError('SHELL_ERR_NOT_FOUND', 'this shell does not mount the points module (@cunmen/points)', {
    zh: '本平台没有开通积分制，无法申请积分',
  });
}

/**
 * A resident who has joined no household yet (the cadre has not approved their join request): the
 * contract's refusal, told in words a resident acts on instead of "name a household".
 */
function notJoined() {
  return {
    ...refusals.noHousehold(),
    en: 'householdId: the resident has not joined a household yet (join request not approved)',
    zh: '请先加入您的家庭：在门户申请入户，村干部审核通过后才能为家庭申请积分',
  };
}

export function pointsRoutes(api: FastifyInstance, ctx: HostRoutesContext): void {
  const { host, limits, points } = ctx;
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
      if (!household) throw refuse(user.role === 'resident' ? notJoined() : refusals.noHousehold());
      if (household !== user.household && !isStaff(user, call.village))
        throw refuse(refusals.otherHousehold());
      if (!points) throw notMounted();
      const record = {
        id: newId(),
        village: call.village,
        widget: call.widget,
        householdId: household,
        item: item.trim(),
        quantity: quantity ?? 1,
        note: note ?? null,
        evidence: media,
        userId: user.id,
      };
      // The module refuses (item not in the rule book in force, …) before anything is written; the
      // shell keeps its record of the call only once the claim is queued.
      await points(record, user);
      await host.savePointsRequest({ ...record, status: 'pending', createdAt: new Date().toISOString() });
      return reply.code(201).send({ id: record.id, status: 'pending' });
    },
  );
}
