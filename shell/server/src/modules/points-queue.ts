/**
 * Where the host API's `points.request` calls go (`POST /api/host/v1/points/requests`): into the claim
 * queue of 积分制 (`@cunmen/points`), through the one entry point its server exports for it. Before the
 * module sees a request, the shell checks the household against its own register: a resident asks only
 * for their own household in their own village's portal; staff of the village name a household the
 * village's register (户籍) holds. A request refused here or by the module (an item not in the adopted
 * rule book, no rule book yet) changes nothing.
 */
import { refusals } from '@cunmen/host-api';
import type { ShellModule } from '@cunmen/module-api';
import { claimFromHostRequest, type HostPointsRequest } from '@cunmen/points/server';
import type { FastifyBaseLogger } from 'fastify';
import { shellError } from '../errors.js';
import type { IdentityUser } from '../identity/store.js';
import type { Storage } from '../storage/types.js';
import { type ModuleServices, shellContextFor } from './mount.js';

export const POINTS_PACKAGE = '@cunmen/points';

export interface QueuedPoints {
  claim: string;
  status: string;
}

/** Checks the household and queues the request as a claim; throws the refusal otherwise. */
export type PointsQueue = (request: HostPointsRequest, user: IdentityUser) => Promise<QueuedPoints>;

/** Register numbers are digits (`0012`); a resident's account may carry them as `H-0012`. */
const registerNumber = (household: string) => household.replace(/^H-/i, '');

export function pointsQueue(
  modules: readonly ShellModule[],
  storage: Storage,
  log: FastifyBaseLogger,
  services: ModuleServices,
  now?: () => Date,
): PointsQueue | null {
  const points = modules.find((m) => m.package === POINTS_PACKAGE);
  if (!points) return null;
  const context = shellContextFor(points, storage, log, services, now);
  return async (request, user) => {
    if (request.householdId === user.household) {
      // A resident's own household belongs to the village of their account, not to any portal they open.
      if (user.division !== request.village) throw otherVillage();
    } else {
      const found = await storage.households.findByNumber(
        request.village,
        registerNumber(request.householdId),
      );
      if (!found) throw otherVillage();
    }
    return claimFromHostRequest(context, request);
  };
}

function otherVillage() {
  const { en } = refusals.otherHousehold();
  return shellError('SHELL_ERR_FORBIDDEN', `householdId: not a household of this village (${en})`, {
    zh: '本村户籍中没有这一户，不能为其申请积分',
    field: 'householdId',
  });
}
