/**
 * Who may read a widget's store collections, declared in the manifest and shown at review:
 * `collections: { bookings: { visibility: 'owner' } }`.
 *
 * - `owner`: the document's author, and staff whose division covers the village (the default: a
 *   collection the manifest does not name is `owner`, so forgetting to declare never widens access);
 * - `village`: signed-in residents (and staff) of the village;
 * - `public`: anyone, signed in or not — the only reads an anonymous visitor can make.
 *
 * The shell enforces it on list, get and on photos uploaded for the collection.
 */
import { z } from 'zod';
import type { Capability } from './capabilities.js';
import { addIssue } from './issues.js';
import { VISIBILITIES } from './visibility.js';

/** The host API's collection names (`@cunmen/host-api` COLLECTION_PATTERN). */
const collectionName = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,62}$/, 'a collection name: a lower-case letter, then a-z, 0-9 or "-" (≤ 63)');

export const collectionSchema = z
  .object({
    visibility: z.enum(VISIBILITIES).meta({
      description:
        "'owner' (author and staff of the village), 'village' (its signed-in residents) or 'public'",
    }),
  })
  .strict();

export const collectionsSchema = z
  .record(collectionName, collectionSchema)
  .refine((c) => Object.keys(c).length <= 20, { message: 'at most 20 collections' });

export type Collections = z.infer<typeof collectionsSchema>;

const STORE_CAPABILITIES: readonly Capability[] = ['store.read', 'store.write'];

/** A declaration without a store capability is a mistake the author should hear about. */
export function checkCollections(
  m: { collections?: Collections | undefined; capabilities: Capability[] },
  ctx: z.core.$RefinementCtx,
): void {
  if (m.collections === undefined || Object.keys(m.collections).length === 0) return;
  if (!m.capabilities.some((c) => STORE_CAPABILITIES.includes(c))) {
    addIssue(
      ctx,
      ['collections'],
      '"collections" declares store collections, but the widget asks for neither "store.read" nor "store.write"',
      '声明了 "collections"，但组件没有申请 "store.read" 或 "store.write" 权限',
    );
  }
}
