/**
 * Is an accent colour readable? The resident app puts the UI kit's on-primary text (white) on the
 * accent, and the accent itself as text and links on the UI kit's surfaces: each pair must reach the
 * WCAG 2.1 AA contrast for body text (4.5:1). 长辈版 darkens only the body text, none of these colours.
 */
import { colors } from '@cunmen/ui';

export const AA_TEXT = 4.5;
const HEX = /^#[0-9a-fA-F]{6}$/;

export function isHexColour(value: string): boolean {
  return HEX.test(value);
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5]
    .map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG 2.1 contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The pairs an accent must pass: white text on it, it as text on the page and on cards. */
const PAIRS = [
  { against: colors.onPrimary, use: 'text-on-accent' },
  { against: colors.surface, use: 'accent-on-surface' },
  { against: colors.page, use: 'accent-on-page' },
] as const;

export type AccentCheck =
  | { ok: true; ratio: number }
  | { ok: false; reason: 'format' }
  | {
      ok: false;
      reason: 'contrast';
      ratio: number;
      use: 'text-on-accent' | 'accent-on-surface' | 'accent-on-page';
    };

/** The weakest of the accent's pairs, refused below AA. */
export function checkAccent(accent: string): AccentCheck {
  if (!isHexColour(accent)) return { ok: false, reason: 'format' };
  const pairs = PAIRS.map((p) => ({ use: p.use, ratio: contrastRatio(accent, p.against) }));
  const worst = pairs.reduce((a, b) => (b.ratio < a.ratio ? b : a));
  if (worst.ratio < AA_TEXT) return { ok: false, reason: 'contrast', ratio: worst.ratio, use: worst.use };
  return { ok: true, ratio: worst.ratio };
}

/** A ratio as people read it: `2.9:1`, never rounded up past the limit. */
export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 10) / 10).toFixed(1)}:1`;
}
