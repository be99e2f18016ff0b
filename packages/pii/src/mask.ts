/** The one entry point for free text: names first, then numbers. */
import { maskNumbers } from './detect.js';
import { NameMatcher } from './names.js';

export interface MaskOptions {
  /**
   * Names to mask wherever they occur (the names of a roster, a complainant's name), as `maskName` masks
   * them. Names shorter than two characters, with digits, or such as 合计 are ignored.
   */
  names?: readonly string[];
  /**
   * When the text holds 6 or more digits, mask every digit, not only the numbers found (keeping the
   * found numbers' masked forms). For values known to be an ID, phone or account number.
   */
  allDigits?: boolean;
}

const matchers = new WeakMap<readonly string[], NameMatcher>();

function matcherFor(names: readonly string[]): NameMatcher {
  let matcher = matchers.get(names);
  if (!matcher) {
    matcher = new NameMatcher(names);
    matchers.set(names, matcher);
  }
  return matcher;
}

/** `maskPersonalData` with a matcher built once for a whole table. */
export function maskText(text: string, matcher: NameMatcher | undefined, allDigits = false): string {
  // Names go first: masking a name only puts `*` where letters were, which never hides a number that
  // was found, so the numbers found afterwards include every one `findPersonalData(text)` reports.
  return maskNumbers(matcher ? matcher.mask(text) : text, allDigits);
}

/**
 * `text` with every ID-card, mobile and bank-card number masked (exactly what `findPersonalData` finds)
 * and the given names masked.
 */
export function maskPersonalData(text: string, options: MaskOptions = {}): string {
  const matcher = options.names && options.names.length > 0 ? matcherFor(options.names) : undefined;
  return maskText(text, matcher, options.allDigits ?? false);
}
