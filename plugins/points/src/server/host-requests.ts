/**
 * Points requests that widgets holding `points.request` sent through the shell's host API
 * (`POST /api/host/v1/points/requests`, e.g. the waste-pickup widget for sorted recyclables). The shell
 * has already checked the widget's capability and that the household is the resident's own (or that
 * staff of the village sent it); here the request becomes a claim in the committee's queue like any
 * other: the item must be in the rule book in force (by code or by title), and the same request is
 * queued once however often the shell hands it over.
 */
import { dialectOf, isUniqueViolation, type ShellContext } from '@cunmen/module-api';
import { type ClaimStatus, pointsErrors } from '../common/index.js';
import { createClaim } from './claims.js';
import { pointsContext } from './context.js';
import { bookInForce } from './village-store.js';

/** The shape of the shell's stored request (shell/server/src/storage/sql/schema.ts, host_points_requests). */
export interface HostPointsRequest {
  id: string;
  village: string;
  widget: string;
  householdId: string;
  item: string;
  quantity: number;
  note: string | null;
  evidence: string[];
  userId: number;
}

/**
 * Queues the request as a claim. `ctx` is the context the shell builds for this module in
 * `mountModules` (its `ShellContext`; the dialect is read from the database as `mountModule` does).
 */
export async function claimFromHostRequest(
  ctx: ShellContext,
  request: HostPointsRequest,
): Promise<{ claim: string; status: ClaimStatus }> {
  const c = pointsContext({ ...ctx, dialect: dialectOf(ctx.db) });
  const queuedAs = () =>
    c.db
      .selectFrom('points_claim')
      .select(['id as claim', 'status'])
      .where('request_ref', '=', request.id)
      .executeTakeFirst();
  const queued = await queuedAs();
  if (queued) return queued;
  const book = await bookInForce(c, request.village);
  const wanted = request.item.trim();
  const item = book.items.find((i) => i.code === wanted || i.title === wanted);
  if (!item) throw pointsErrors.error('POINTS_ERR_ITEM', { field: 'item' });
  const evidence = [request.note, ...request.evidence.map((m) => `media:${m}`)].filter(Boolean).join('; ');
  const claim = await createClaim(c, {
    village: request.village,
    household: request.householdId,
    item: item.code,
    quantity: Math.max(1, Math.min(50, Math.trunc(request.quantity))),
    evidence: evidence || null,
    photo: null,
    source: 'widget',
    claimant: request.widget,
    claimantId: request.userId,
    requestRef: request.id,
    // The shell vouched for the household; the committee names its head when it registers it.
    registerAs: request.householdId,
  }).catch(async (err: unknown) => {
    // The same request handed over twice at once: the unique `request_ref` keeps one claim.
    if (!isUniqueViolation(err)) throw err;
    return null;
  });
  if (!claim) return (await queuedAs()) as { claim: string; status: ClaimStatus };
  await c.audit.append({
    actor: request.widget,
    action: 'claim.from-widget',
    subject: `claim:${claim.id}`,
    detail: { village: request.village, request: request.id, item: item.code },
  });
  return { claim: claim.id, status: claim.status };
}
