/**
 * Mandatory modules: a province maintainer (for the province or one county) or a county admin (for the
 * county) names a package every portal under that division must keep. Portal writes refuse to remove it
 * (check.ts) and the composer shows it locked. The rules are rows, so every shell instance reads the same.
 */

export interface MandatoryRule {
  /** A 6-digit province (…0000) or county code; the rule covers every village under it. */
  division: string;
  /** The npm package name, e.g. `@cunmen/affairs-disclosure`. */
  package: string;
  setBy: string;
  setAt: string;
}

export interface MandatoryStore {
  migrate(): Promise<void>;
  /** Rules under `prefix` (every rule when omitted), by division then package. */
  list(prefix?: string): Promise<MandatoryRule[]>;
  /** The rules that cover one village: its province's and its county's. */
  forVillage(village: string): Promise<MandatoryRule[]>;
  /** Adds the rule, or keeps the existing one (returns false when it existed). */
  add(rule: MandatoryRule): Promise<boolean>;
  /** Removes the rule; false when there was none. */
  remove(division: string, pkg: string): Promise<boolean>;
}
