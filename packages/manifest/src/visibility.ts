/**
 * Collection visibilities without zod (the snapshot and the resident's first load use them; the
 * manifest's schema is in collections.ts). See collections.ts for what each one means.
 */
export const VISIBILITIES = ['owner', 'village', 'public'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** A collection the manifest does not declare: never wider than its author and the village's staff. */
export const DEFAULT_VISIBILITY: Visibility = 'owner';

export function visibilityOf(
  collections: Readonly<Record<string, { visibility: Visibility }>> | undefined,
  name: string,
): Visibility {
  return collections?.[name]?.visibility ?? DEFAULT_VISIBILITY;
}
