/**
 * What happens to an approved version afterwards: yank (no new portal adopts it), deprecation (npm
 * shows a message), and the province's standard-module mark on a package. Each is audited and changes
 * the package's catalog entry.
 */
import { PROVINCE_SCOPE, scopeOf } from '@cunmen/manifest';
import { regError } from '../errors.js';
import type { Storage } from '../storage/types.js';
import { type Actor, recordActivity, requireOwnerOrProvince, requireProvince } from './actor.js';
import { mustGet } from './review.js';

/** Yank: no new portal may adopt the version; portals that use it keep loading it, with a warning. */
export async function yankRelease(
  storage: Storage,
  actor: Actor,
  name: string,
  version: string,
  reason: string,
) {
  requireOwnerOrProvince(actor, name, 'yank');
  const trimmed = reason.trim();
  if (trimmed.length === 0) {
    throw regError('REG_ERR_BAD_REQUEST', 'a yank needs a reason that portals are shown', {
      field: 'reason',
    });
  }
  const record = await mustGet(storage, name, version);
  if (record.status !== 'approved') {
    throw regError(
      'REG_ERR_NOT_FOUND',
      `${name}@${version} is ${record.status}; only approved versions can be yanked`,
    );
  }
  await storage.packages.yankVersion(name, version, trimmed);
  await recordActivity(storage, actor, {
    action: 'version.yank',
    subject: `${name}@${version}`,
    detail: { reason: trimmed },
    reindex: name,
  });
  return { name, version, yanked: true, reason: trimmed };
}

/** Sets (or clears, with an empty message) the deprecation message of an approved version. */
export async function deprecateRelease(
  storage: Storage,
  actor: Actor,
  name: string,
  version: string,
  message: string,
): Promise<void> {
  requireOwnerOrProvince(actor, name, 'deprecate');
  const record = await mustGet(storage, name, version);
  if (record.status !== 'approved') {
    throw regError(
      'REG_ERR_NOT_FOUND',
      `${name}@${version} is ${record.status}; only approved versions can be deprecated`,
    );
  }
  const value = message.trim() === '' ? null : message.trim();
  if ((record.deprecated ?? null) === value) return;
  await storage.packages.setDeprecated(name, version, value);
  await recordActivity(storage, actor, {
    action: value === null ? 'version.undeprecate' : 'version.deprecate',
    subject: `${name}@${version}`,
    detail: value === null ? {} : { message: value },
    reindex: name,
  });
}

export async function markStandard(
  storage: Storage,
  actor: Actor,
  name: string,
  standard: boolean,
): Promise<void> {
  requireProvince(actor, 'mark a package standard');
  if (scopeOf(name) !== PROVINCE_SCOPE) {
    throw regError(
      'REG_ERR_BAD_REQUEST',
      `only province packages (${PROVINCE_SCOPE}/…) can be standard modules; ${name} is not`,
    );
  }
  if (!(await storage.packages.getPackage(name)))
    throw regError('REG_ERR_NOT_FOUND', `package ${name} not found`);
  await storage.packages.setStandard(name, standard);
  await recordActivity(storage, actor, {
    action: standard ? 'package.standard' : 'package.unstandard',
    subject: name,
    reindex: name,
  });
}
