/** The fixed vocabularies of 三务公开: categories, cadences, workflow statuses and actions. */

/** 党务 party affairs · 村务 village affairs · 财务 finance. */
export const CATEGORIES = ['party', 'village', 'finance'] as const;
export type Category = (typeof CATEGORIES)[number];

/** How often an item is due: at once (after an event), monthly, quarterly, half-yearly or yearly. */
export const CADENCES = ['immediate', 'monthly', 'quarterly', 'half-yearly', 'yearly'] as const;
export type Cadence = (typeof CADENCES)[number];

/**
 * A revision's life: `draft` → `submitted` (to 村务监督委员会) → `reviewed` (supervisor approved) or
 * `returned` (editable again) → `approved` (两委 joint meeting recorded) → `published`; a published
 * revision becomes `superseded` (still readable, never changed) when its correction is published.
 */
export const STATUSES = [
  'draft',
  'submitted',
  'returned',
  'reviewed',
  'approved',
  'published',
  'superseded',
] as const;
export type Status = (typeof STATUSES)[number];

export const ACTIONS = ['edit', 'submit', 'approve', 'return', 'council', 'publish', 'delete'] as const;
export type Action = (typeof ACTIONS)[number];

export const ATTACHMENT_KINDS = ['image', 'pdf', 'xlsx', 'csv'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];
