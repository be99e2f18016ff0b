import { colors } from '@cunmen/ui';
import { describe, expect, it } from 'vitest';
import { checkAccent, contrastRatio, formatRatio, isHexColour } from './contrast.js';

describe('contrastRatio', () => {
  it('is 21 for black on white and 1 for a colour on itself, whichever comes first', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#8a1c1c', '#8a1c1c')).toBe(1);
  });

  it('matches the WCAG figures of known pairs', () => {
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});

describe('checkAccent', () => {
  it('accepts the UI kit’s own primary and the console’s red', () => {
    expect(checkAccent(colors.primary).ok).toBe(true);
    expect(checkAccent('#8a1c1c')).toEqual({ ok: true, ratio: expect.any(Number) });
  });

  // White text on the accent and the accent on white cards pass together; the page grey is the
  // weakest pair, so a colour passes only if it is readable on it too.
  it.each(['#ffd400', '#ff9900', '#777777', '#0b9bd0', '#757575'])(
    'refuses %s below AA, naming the weakest pair',
    (accent) => {
      const check = checkAccent(accent);
      expect(check).toMatchObject({ ok: false, reason: 'contrast', use: 'accent-on-page' });
      if (!check.ok && check.reason === 'contrast') expect(check.ratio).toBeLessThan(4.5);
    },
  );

  it.each(['red', '#fff', '#12345g', ''])('refuses %j as no colour', (accent) => {
    expect(checkAccent(accent)).toEqual({ ok: false, reason: 'format' });
    expect(isHexColour(accent)).toBe(false);
  });

  it('never rounds a ratio up past the limit', () => {
    expect(formatRatio(4.49)).toBe('4.4:1');
    expect(formatRatio(2.95)).toBe('2.9:1');
  });
});
