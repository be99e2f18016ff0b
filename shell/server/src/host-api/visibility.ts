/**
 * Per-collection visibility on reads (`@cunmen/manifest` collections.ts): who may list and get a
 * widget's documents, and see the photos uploaded for a collection. The declaration comes from the
 * widget's built manifest through the snapshot; a collection it does not declare is `owner`.
 *
 * - `public`: anyone holding the widget's credential, signed in or not.
 * - `village`: a signed-in user whose division covers the village.
 * - `owner`: the author of each document, and staff whose division covers the village; other residents
 *   see only their own documents (another's is "not found", so ids do not leak).
 */

import { refusals } from '@cunmen/host-api';
import { collectionsSchema, type Visibility, visibilityOf } from '@cunmen/manifest';
import { inDivision, isStaff, refuse } from './context.js';
import type { HostCall } from './credentials.js';

/** The snapshot widget's `collections` field from a release's built manifest (nothing when absent). */
export function collectionsOf(manifest: Readonly<Record<string, unknown>>) {
  if (manifest.collections === undefined) return {};
  const parsed = collectionsSchema.safeParse(manifest.collections);
  // A declaration the registry let through but this shell cannot read widens nothing: all stay `owner`.
  return parsed.success ? { collections: parsed.data } : {};
}

/** What a reader of a collection sees: everything, or only documents (or photos) by `author`. */
export type ReadScope = { all: true } | { all: false; author: number };

/** Whether `call` may read a collection of `visibility`, and which of its documents; throws when not. */
export function readScope(call: HostCall, visibility: Visibility): ReadScope {
  if (visibility === 'public') return { all: true };
  const user = call.user;
  if (!user) throw refuse(refusals.signInRequired());
  inDivision(call);
  if (visibility === 'village' || isStaff(user, call.village)) return { all: true };
  return { all: false, author: user.id };
}

export function collectionScope(call: HostCall, collection: string): ReadScope {
  return readScope(call, visibilityOf(call.collections, collection));
}
