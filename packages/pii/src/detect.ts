/**
 * Finding and masking ID-card, mobile and bank-card numbers in any text.
 *
 * Detection rules (the package README says the same for readers who do not open this file):
 *
 * - Digits are ASCII 0-9 or full-width ０-９; the ID check character is X, x, Ｘ or ｘ, right after the
 *   digits or after one separator, and not followed by a letter or digit (`…123X`, `…123 X`, not `…123XY`).
 * - A *group* is a maximal run of digits. Groups are atomic: a number is never cut out of a longer run of
 *   digits, so `1381234567890` holds no mobile number.
 * - Two groups belong to one number when exactly one separator stands between them: a space (ASCII,
 *   U+3000, NBSP, U+2000-U+200A, U+202F, U+205F) or a dash (- ‐ ‑ ‒ – — − －). Not dots or commas: those
 *   are amounts (12,345.00) and dates (2026.11.30). So `330521 19900307 1234` and `138-1234-5678` are
 *   numbers, `138 - 1234 - 5678` (three characters between) is not.
 * - A *candidate* is any sequence of consecutive joined groups, not only the longest: in
 *   `年龄 65 13812345678` the age and the phone number are joined by a space, and the phone number must
 *   still be found. A candidate must not touch a Latin letter (ASCII or full-width) at its outer ends, so
 *   `DD13812345678` and hashes stay; Han characters and punctuation are boundaries (`电话13812345678`).
 * - What a candidate is, by its digits:
 *   - 18 characters, region (first two digits a province code) and birth date (a real date from
 *     1900-01-01 to today) right and the ISO 7064 MOD 11-2 check character right: `id-card`;
 *   - 15 digits, region and 19YYMMDD date right: `id-card` (the old form);
 *   - 11 digits `1[3-9]…`, also after 86 or 0086 (`+86` keeps its plus outside): `mobile`;
 *   - 16-19 digits that pass Luhn and start like a payment card (see `isBankCard`): `bank-card`;
 *   - 18 characters with region and date right but a wrong check character: `id-card-suspect` (a mistyped
 *     ID number is still someone's ID number).
 * - Overlapping candidates make one finding (their union), named after the best of them (id-card, mobile,
 *   bank-card, id-card-suspect; then the longest).
 *
 * Masking replaces digits with `*` one for one and keeps separators, so offsets stay valid:
 * ID numbers keep the 6-digit area code and, in the 18-character form, the check character
 * (`330521***********4`); mobiles keep the prefix, the first 3 and the last 4 digits (`138****5678`);
 * bank cards keep the last 4. A digit is kept only if every overlapping candidate keeps it. Kept digits
 * at an end of a finding that is joined by a separator to another number are masked too, or they would
 * form a new number with it (`13812 330521…` would leave `13812 330521` = a mobile number). So the
 * masked text contains nothing `findPersonalData` finds; `maskNumbers` checks that and, should it ever
 * fail, masks the findings completely.
 *
 * Everything is one pass over the text plus at most 19 groups per group: linear time.
 */
import { digitValue, isCheckX, isGlue, isSeparator } from './characters.js';
import { isIdCard15, isIdCard18, isPlausibleIdCard18 } from './id-card.js';
import { isBankCard } from './luhn.js';

export type FindingKind = 'id-card' | 'id-card-suspect' | 'mobile' | 'bank-card';

export interface Finding {
  kind: FindingKind;
  /** Offset of the first character in the input, in UTF-16 code units (as `String#slice` counts). */
  start: number;
  /** Offset after the last character. */
  end: number;
  /** `input.slice(start, end)`, separators included. */
  text: string;
}

interface Group {
  start: number;
  end: number;
  /** The digits as ASCII. */
  digits: string;
  /** Offset of a check character X right after the digits (or after one separator), else -1. Such a group ends a chain. */
  x: number;
  leftGlued: boolean;
  rightGlued: boolean;
  /** Joined to the next group by exactly one separator. */
  linked: boolean;
}

interface Candidate {
  kind: FindingKind;
  /** Characters kept at the start and at the end when masking. */
  head: number;
  tail: number;
  first: number;
  last: number;
  /** Digits, and the X. */
  length: number;
  usesX: boolean;
}

interface Cluster {
  first: number;
  last: number;
  start: number;
  end: number;
  candidates: Candidate[];
  primary: Candidate;
}

/** The longest number there is: a 19-digit bank card. */
const MAX_LENGTH = 19;
const RANK: Record<FindingKind, number> = { 'id-card': 0, mobile: 1, 'bank-card': 2, 'id-card-suspect': 3 };

type Kind = Pick<Candidate, 'kind' | 'head' | 'tail'>;
const ID_CARD_18: Kind = { kind: 'id-card', head: 6, tail: 1 };
const ID_CARD_15: Kind = { kind: 'id-card', head: 6, tail: 0 };
const SUSPECT: Kind = { kind: 'id-card-suspect', head: 6, tail: 1 };
const BANK_CARD: Kind = { kind: 'bank-card', head: 0, tail: 4 };
const mobile = (prefix: number): Kind => ({ kind: 'mobile', head: prefix + 3, tail: 4 });

const code = (s: string, i: number) => s.charCodeAt(i) - 0x30;
/** `1[3-9]` at `at`. */
const mobileAt = (s: string, at: number) => code(s, at) === 1 && code(s, at + 1) >= 3;

/** What `digits` (ASCII, separators removed) is, if anything; `withX`: an X follows them. */
function classify(digits: string, withX: boolean): Kind | null {
  if (withX) {
    if (digits.length !== 17) return null;
    if (isIdCard18(digits, 'X')) return ID_CARD_18;
    return isPlausibleIdCard18(digits) ? SUSPECT : null;
  }
  switch (digits.length) {
    case 11:
      return mobileAt(digits, 0) ? mobile(0) : null;
    case 13:
      return digits.startsWith('86') && mobileAt(digits, 2) ? mobile(2) : null;
    case 15:
      if (isIdCard15(digits)) return ID_CARD_15;
      return digits.startsWith('0086') && mobileAt(digits, 4) ? mobile(4) : null;
    case 18: {
      const first17 = digits.slice(0, 17);
      if (isIdCard18(first17, digits.charAt(17))) return ID_CARD_18;
      if (isBankCard(digits)) return BANK_CARD;
      return isPlausibleIdCard18(first17) ? SUSPECT : null;
    }
    case 16:
    case 17:
    case 19:
      return isBankCard(digits) ? BANK_CARD : null;
    default:
      return null;
  }
}

function scanGroups(text: string): Group[] {
  const groups: Group[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (digitValue(text.charCodeAt(i)) < 0) {
      i++;
      continue;
    }
    const start = i;
    let ascii = true;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x30 && c <= 0x39) continue;
      if (digitValue(c) < 0) break;
      ascii = false;
    }
    const end = i;
    const raw = text.slice(start, end);
    const digits = ascii
      ? raw
      : raw.replace(/[\uff10-\uff19]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
    // An X is the check character where it ends the word: `…123X`, `…123 X`, but not `…123Xyz`.
    const checkAt = (p: number) =>
      p < n &&
      isCheckX(text.charCodeAt(p)) &&
      (p + 1 >= n || (digitValue(text.charCodeAt(p + 1)) < 0 && !isGlue(text.charCodeAt(p + 1))));
    let x = -1;
    if (checkAt(end)) x = end;
    else if (end + 1 < n && isSeparator(text.charCodeAt(end)) && checkAt(end + 1)) x = end + 1;
    groups.push({
      start,
      end,
      digits,
      x,
      leftGlued: start > 0 && isGlue(text.charCodeAt(start - 1)),
      // A glued X is a letter for every candidate that does not take it as the check character.
      rightGlued: end < n && isGlue(text.charCodeAt(end)),
      linked: false,
    });
    if (x >= 0) i = x + 1;
  }
  for (let k = 0; k + 1 < groups.length; k++) {
    const g = groups[k];
    const next = groups[k + 1];
    if (g && next) g.linked = g.x < 0 && next.start === g.end + 1 && isSeparator(text.charCodeAt(g.end));
  }
  return groups;
}

// Not `{ ...kind, … }`: object spread in this loop made the whole scan ten times slower.
function candidate(kind: Kind, first: number, last: number, length: number, usesX: boolean): Candidate {
  return { kind: kind.kind, head: kind.head, tail: kind.tail, first, last, length, usesX };
}

/** By length: whether `classify` can say yes to it. */
const CLASSIFIED = Array.from({ length: MAX_LENGTH + 1 }, (_, n) => n === 11 || n === 13 || n >= 15);

/** Every valid candidate, ordered by first group, then last group. */
function findCandidates(groups: readonly Group[]): Candidate[] {
  const out: Candidate[] = [];
  let chainStart = 0;
  while (chainStart < groups.length) {
    // A chain: groups joined by single separators. Its digits are concatenated once, and each
    // candidate's digits are a slice of them, so no string is built per candidate.
    let chainEnd = chainStart;
    while (groups[chainEnd]?.linked && chainEnd + 1 < groups.length) chainEnd++;
    const parts: string[] = [];
    const offsets = new Float64Array(chainEnd - chainStart + 2);
    for (let k = chainStart; k <= chainEnd; k++) {
      const digits = groups[k]?.digits ?? '';
      parts.push(digits);
      offsets[k - chainStart + 1] = (offsets[k - chainStart] ?? 0) + digits.length;
    }
    const all = parts.join('');
    for (let a = chainStart; a <= chainEnd; a++) {
      if (groups[a]?.leftGlued !== false) continue;
      const from = offsets[a - chainStart] ?? 0;
      for (let b = a; b <= chainEnd; b++) {
        const g = groups[b];
        const length = (offsets[b - chainStart + 1] ?? 0) - from;
        if (!g || length > MAX_LENGTH) break;
        if (g.x >= 0 && length === 17) {
          const kind = classify(all.slice(from, from + length), true);
          if (kind) out.push(candidate(kind, a, b, length + 1, true));
        }
        if (!g.rightGlued && CLASSIFIED[length]) {
          const kind = classify(all.slice(from, from + length), false);
          if (kind) out.push(candidate(kind, a, b, length, false));
        }
      }
    }
    chainStart = chainEnd + 1;
  }
  return out;
}

function better(a: Candidate, b: Candidate): Candidate {
  if (RANK[a.kind] !== RANK[b.kind]) return RANK[a.kind] < RANK[b.kind] ? a : b;
  if (a.length !== b.length) return a.length > b.length ? a : b;
  return a.first <= b.first ? a : b;
}

function candidateEnd(groups: readonly Group[], c: Candidate): number {
  const g = groups[c.last];
  if (!g) return 0;
  return c.usesX ? g.x + 1 : g.end;
}

function toClusters(groups: readonly Group[], candidates: readonly Candidate[]): Cluster[] {
  const clusters: Cluster[] = [];
  for (const c of candidates) {
    const current = clusters[clusters.length - 1];
    if (current && c.first <= current.last) {
      current.candidates.push(c);
      current.last = Math.max(current.last, c.last);
      current.end = Math.max(current.end, candidateEnd(groups, c));
      current.primary = better(current.primary, c);
    } else {
      const start = groups[c.first]?.start ?? 0;
      clusters.push({
        first: c.first,
        last: c.last,
        start,
        end: candidateEnd(groups, c),
        candidates: [c],
        primary: c,
      });
    }
  }
  return clusters;
}

function scan(text: string): { groups: Group[]; clusters: Cluster[] } {
  const groups = scanGroups(text);
  return { groups, clusters: toClusters(groups, findCandidates(groups)) };
}

/** The number of digits (and the X) from the start of group `first` to the start of group `g`. */
function offsetOf(groups: readonly Group[], first: number, g: number): number {
  let k = 0;
  for (let i = first; i < g; i++) k += groups[i]?.digits.length ?? 0;
  return k;
}

/**
 * Which of a cluster's digits (and X), in order, its masked form keeps: those the primary candidate
 * keeps and no other candidate masks, minus the kept digits at an end that is joined to another number.
 */
function keptDigits(groups: readonly Group[], cluster: Cluster): Uint8Array {
  const length =
    offsetOf(groups, cluster.first, cluster.last + 1) +
    (cluster.end > (groups[cluster.last]?.end ?? 0) ? 1 : 0);
  const keep = new Uint8Array(length);
  const mark = (c: Candidate, value: 0 | 1, kept: boolean) => {
    const from = offsetOf(groups, cluster.first, c.first);
    for (let k = 0; k < c.length; k++) {
      if ((k < c.head || k >= c.length - c.tail) === kept) keep[from + k] = value;
    }
  };
  mark(cluster.primary, 1, true);
  for (const c of cluster.candidates) if (c !== cluster.primary) mark(c, 0, false);
  if (groups[cluster.first - 1]?.linked) for (let k = 0; k < length && keep[k]; k++) keep[k] = 0;
  if (groups[cluster.last]?.linked) for (let k = length - 1; k >= 0 && keep[k]; k--) keep[k] = 0;
  return keep;
}

const ANY_DIGIT = /[0-9\uff10-\uff19]/gu;

function render(
  text: string,
  groups: readonly Group[],
  clusters: readonly Cluster[],
  mode: { complete: boolean; allDigits: boolean },
): string {
  const outside = (s: string) => (mode.allDigits ? s.replace(ANY_DIGIT, '*') : s);
  const parts: string[] = [];
  let cursor = 0;
  for (const cluster of clusters) {
    parts.push(outside(text.slice(cursor, cluster.start)));
    const keep = mode.complete ? undefined : keptDigits(groups, cluster);
    let k = 0;
    let masked = '';
    for (let p = cluster.start; p < cluster.end; p++) {
      const c = text.charCodeAt(p);
      if (digitValue(c) >= 0 || isCheckX(c)) masked += keep?.[k++] ? text.charAt(p) : '*';
      else masked += text.charAt(p);
    }
    parts.push(masked);
    cursor = cluster.end;
  }
  parts.push(outside(text.slice(cursor)));
  return parts.join('');
}

/**
 * Every ID-card, mobile and bank-card number in `text`, in order, not overlapping. Use it to highlight
 * what will be masked, and to assert that text about to be published holds none.
 */
export function findPersonalData(text: string): Finding[] {
  return scan(text).clusters.map((c) => ({
    kind: c.primary.kind,
    start: c.start,
    end: c.end,
    text: text.slice(c.start, c.end),
  }));
}

function countDigits(text: string, atLeast: number): boolean {
  let count = 0;
  for (let i = 0; i < text.length && count < atLeast; i++) if (digitValue(text.charCodeAt(i)) >= 0) count++;
  return count >= atLeast;
}

/**
 * `text` with exactly what `findPersonalData` finds masked. `allDigits`: when the text holds 6 or more
 * digits, every other digit becomes `*` as well (for cells of an ID, phone or bank-account column, where
 * a mistyped number is still personal data).
 */
export function maskNumbers(text: string, allDigits = false): string {
  const { groups, clusters } = scan(text);
  const mode = { complete: false, allDigits: allDigits && countDigits(text, 6) };
  if (clusters.length === 0 && !mode.allDigits) return text;
  const masked = render(text, groups, clusters, mode);
  if (scan(masked).clusters.length === 0) return masked;
  // Unreachable by the reasoning above; should that reasoning have a hole, nothing of the numbers shows.
  return render(text, groups, clusters, { ...mode, complete: true });
}
