/**
 * The rules behind the names, codes and texts every Cunmen document uses, without zod. The classic zod
 * schemas (widget manifest, village config, release document) and the zod/mini snapshot schema the
 * browser parses both build on these, so each rule is written once and the two can never disagree.
 */

export interface Pattern {
  readonly regex: RegExp;
  /** What a valid value looks like, in English (the schema's issue message). */
  readonly en: string;
}

export const PACKAGE_NAME: Pattern = {
  regex: /^@[a-z0-9][a-z0-9-]{0,38}\/[a-z0-9][a-z0-9._-]{0,100}$/,
  en: 'a scoped npm name such as @deqing/find-machinery',
};

export const EXPOSE_KEY: Pattern = {
  regex: /^\.\/[A-Za-z][A-Za-z0-9_-]{0,63}$/,
  en: 'an expose key such as ./Tile',
};

export const ROUTE: Pattern = {
  regex: /^[a-z0-9][a-z0-9-]{0,62}$/,
  en: 'a lower-case route segment such as find-machinery',
};

/** A pinned version: what a village config, a release and a snapshot name (no range, no build tag). */
export const EXACT_VERSION: Pattern = {
  regex: /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/,
  en: 'an exact version such as 1.2.0',
};

export const COLOUR: Pattern = { regex: /^#[0-9a-fA-F]{6}$/, en: 'a colour such as #8a1c1c' };

/** A banner photo the console stored (re-encoded, content-addressed): `<sha256>.webp`. */
export const BANNER: Pattern = {
  regex: /^[0-9a-f]{64}\.webp$/,
  en: 'a banner photo uploaded through the console (<sha256>.webp)',
};

/** Where widget code is loaded from: http(s) only, never `javascript:` or `data:`. */
export const HTTP_URL: Pattern = {
  regex: /^https?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/,
  en: 'an http(s) URL',
};

/** A release's asset base: an http(s) URL of a directory (every asset path is relative to it). */
export const ASSET_BASE: Pattern = {
  regex: /^https?:\/\/[^/]+\/.*\/$/,
  en: 'an http(s) URL ending in /',
};

/** Longest title (`LocalizedText`) and longest description, in characters after trimming. */
export const TEXT_MAX = 200;
export const LONG_TEXT_MAX = 2000;
