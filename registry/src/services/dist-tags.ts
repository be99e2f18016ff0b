/**
 * Dist-tags as `npm dist-tag add|rm` change them: a token for the package's scope, a tag name that is
 * not a version, a tag only on an approved version, and `latest` never removed (only moved). Moving a
 * tag can change the version the catalog offers, so each change is audited and reindexed.
 */
import { scopeOf } from '@cunmen/manifest';
import semver from 'semver';
import { regError } from '../errors.js';
import type { Storage, User } from '../storage/types.js';
import { recordActivity } from './actor.js';

const TAG = /^[A-Za-z][A-Za-z0-9._-]{0,63}$/;

/** Refuses a package with no approved version: to readers it does not exist. */
export async function requireApprovedPackage(storage: Storage, name: string): Promise<void> {
  if ((await storage.packages.listVersions(name, 'approved')).length === 0) {
    throw regError('REG_ERR_NOT_FOUND', `package ${name} not found`);
  }
}

/** The checks before any change of a tag, in the order npm users meet them: scope, tag name, package. */
export async function authorizeTagChange(
  storage: Storage,
  user: User,
  name: string,
  tag: string,
): Promise<void> {
  const scope = scopeOf(name);
  if (scope === null || user.scope !== scope) {
    throw regError(
      'REG_ERR_FORBIDDEN_SCOPE',
      `a token for scope ${user.scope ?? '(none)'} cannot change dist-tags of scope ${scope ?? '(none)'}`,
    );
  }
  if (!TAG.test(tag) || semver.validRange(tag) !== null) {
    throw regError(
      'REG_ERR_BAD_REQUEST',
      `"${tag}" is not a valid dist-tag (a name such as beta, not a version)`,
      {
        field: 'tag',
      },
    );
  }
  await requireApprovedPackage(storage, name);
}

export async function addDistTag(
  storage: Storage,
  actor: { user: User; ip?: string },
  name: string,
  tag: string,
  version: string,
): Promise<void> {
  const record = await storage.packages.getVersion(name, version);
  if (record?.status !== 'approved') {
    throw regError('REG_ERR_NOT_FOUND', `${name}@${version} is not an approved version`);
  }
  await storage.packages.setDistTag(name, tag, version);
  await recordActivity(storage, actor, {
    action: 'dist-tag.add',
    subject: name,
    detail: { tag, version },
    reindex: name,
  });
}

export async function removeDistTag(
  storage: Storage,
  actor: { user: User; ip?: string },
  name: string,
  tag: string,
): Promise<void> {
  if (tag === 'latest')
    throw regError('REG_ERR_BAD_REQUEST', 'the latest tag cannot be removed', { field: 'tag' });
  if (!(await storage.packages.removeDistTag(name, tag))) {
    throw regError('REG_ERR_NOT_FOUND', `${name} has no dist-tag ${tag}`);
  }
  await recordActivity(storage, actor, {
    action: 'dist-tag.rm',
    subject: name,
    detail: { tag },
    reindex: name,
  });
}
