/**
 * The item a cadre-side route is about, and whether the caller may act on it now: reads are open to the
 * village's cadres and supervisors and to township and county staff above it; a workflow step must be
 * allowed by the pure state machine (common/workflow.ts) and taken in the item's own village console.
 */
import {
  callerOf,
  type ModuleCaller,
  type ModuleContext,
  type ModuleUser,
  param,
  userOf,
} from '@cunmen/module-api';
import type { FastifyRequest } from 'fastify';
import { type Action, affairsErrors, transition } from '../../common/index.js';
import { actorRole, canRead } from '../access.js';
import { type ItemRow, loadItem } from '../store.js';

/** The item named by `:id`, if the signed-in caller may read it. */
export async function itemFor(
  ctx: ModuleContext,
  request: FastifyRequest,
): Promise<{ user: ModuleUser; caller: ModuleCaller; row: ItemRow }> {
  const caller = callerOf(request);
  const user = userOf(request);
  const row = await loadItem(ctx, param(request, 'id'));
  if (!row) throw affairsErrors.error('AFFAIRS_ERR_ITEM_NOT_FOUND', { field: 'id' });
  canRead(user, row.village);
  return { user, caller, row };
}

/** The item, if `action` by this user is allowed on it now; throws the coded reason otherwise. */
export async function guarded(ctx: ModuleContext, request: FastifyRequest, action: Action) {
  const found = await itemFor(ctx, request);
  const { user, caller, row } = found;
  const result = transition(row.status, action, actorRole(user), row.created_by === user.name);
  if (!result.ok) throw affairsErrors.error(result.error);
  if (caller.village !== row.village || user.division !== row.village)
    throw affairsErrors.error('AFFAIRS_ERR_ITEM_NOT_FOUND', { field: 'id' });
  return { ...found, to: result.to };
}
