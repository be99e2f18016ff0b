/**
 * The tokens obey the MIIT 适老化 and WCAG 2.1 AA rules, styles.css declares exactly the token values, and
 * the stylesheet avoids what Chrome 78 / iOS Safari 13 cannot parse.
 */
import { describe, expect, it } from 'vitest';
import { contrast } from '../test/contrast.js';
import { readStylesheet } from '../test/stylesheet.js';
import {
  type ColorToken,
  colors,
  elderlyColors,
  fontSizes,
  lineHeights,
  themeVars,
  touchTargets,
} from './tokens.js';

const css = readStylesheet();

/** Every foreground/background pair the stylesheet puts text on. */
const TEXT_PAIRS: Array<[ColorToken, ColorToken]> = [
  ['text', 'page'],
  ['text', 'surface'],
  ['text', 'primarySoft'],
  ['textSecondary', 'page'],
  ['textSecondary', 'surface'],
  ['textSecondary', 'primarySoft'],
  ['primary', 'surface'],
  ['primary', 'page'],
  ['primary', 'primarySoft'],
  ['onPrimary', 'primary'],
  ['onPrimary', 'primaryActive'],
  ['onDanger', 'danger'],
  ['onDanger', 'dangerActive'],
  ['dangerText', 'surface'],
  ['dangerText', 'page'],
  ['dangerText', 'dangerSoft'],
  ['successText', 'successSoft'],
  ['onToast', 'toast'],
  ['onToast', 'successText'],
  ['onToast', 'danger'],
  ['onDisabled', 'disabled'],
];

function palette(mode: 'normal' | 'elderly'): Record<ColorToken, string> {
  return mode === 'normal' ? { ...colors } : { ...colors, ...elderlyColors };
}

function px(rem: string): number {
  expect(rem).toMatch(/^\d+(\.\d+)?rem$/);
  return Number.parseFloat(rem) * 16;
}

/** The custom properties declared in the first rule whose selector is exactly `selector`. */
function declaredVars(selector: string): Record<string, string> {
  const escaped = selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`(?:^|\\n)${escaped}\\s*\\{([^}]*)\\}`).exec(css);
  if (!match?.[1]) throw new Error(`no rule for ${selector} in styles.css`);
  const vars: Record<string, string> = {};
  for (const [, name, value] of match[1].matchAll(/(--cm-[\w-]+)\s*:\s*([^;]+);/g)) {
    if (name && value) vars[name] = value.trim();
  }
  return vars;
}

describe('tokens', () => {
  for (const mode of ['normal', 'elderly'] as const) {
    it(`${mode}: every text colour pair has contrast ≥ 4.5:1`, () => {
      const p = palette(mode);
      const failing = TEXT_PAIRS.map(([fg, bg]) => ({ fg, bg, ratio: contrast(p[fg], p[bg]) })).filter(
        (pair) => pair.ratio < 4.5,
      );
      expect(failing).toEqual([]);
    });
  }

  it('elderly type: nothing below 18 px, the largest at least 30 px, line height ≥ 1.3', () => {
    const sizes = Object.values(fontSizes.elderly).map(px);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(18);
    expect(Math.max(...sizes)).toBeGreaterThanOrEqual(30);
    for (const value of Object.values(lineHeights)) expect(Number(value)).toBeGreaterThanOrEqual(1.3);
  });

  it('elderly sizes are never smaller than normal ones', () => {
    for (const key of Object.keys(fontSizes.normal) as Array<keyof typeof fontSizes.normal>) {
      expect(px(fontSizes.elderly[key])).toBeGreaterThanOrEqual(px(fontSizes.normal[key]));
    }
  });

  it('touch targets: 44 px normal, 60 px elderly', () => {
    expect(Number.parseFloat(touchTargets.normal)).toBeGreaterThanOrEqual(44);
    expect(Number.parseFloat(touchTargets.elderly)).toBeGreaterThanOrEqual(60);
  });
});

describe('styles.css', () => {
  it('declares exactly the normal tokens on .cm-root', () => {
    expect(declaredVars('.cm-root')).toEqual(themeVars('normal'));
  });

  it('declares exactly the elderly overrides on .cm-root[data-cm-elderly="true"]', () => {
    expect(declaredVars('.cm-root[data-cm-elderly="true"]')).toEqual(themeVars('elderly'));
  });

  it('is one sheet of ordered imports, each file there, the layout rules last', () => {
    expect(css).toContain('.cm-tile {');
    expect(css).toContain('.cm-switch {');
    expect(css).not.toContain('@import');
    expect(css.trimEnd().endsWith('margin-top: var(--cm-space-4);\n}')).toBe(true);
  });

  it('uses only custom properties that are declared', () => {
    const declared = new Set(Object.keys(themeVars('normal')));
    const used = new Set(Array.from(css.matchAll(/var\((--cm-[\w-]+)\)/g), (m) => m[1]));
    expect([...used].filter((name) => name && !declared.has(name))).toEqual([]);
  });

  it('avoids features Chrome 78 and iOS Safari 13 lack', () => {
    const code = css.replace(/\/\*[\s\S]*?\*\//g, '');
    const forbidden: Array<[string, RegExp]> = [
      ['gap (flexbox gap needs Chrome 84)', /(^|[\s;{])(row-|column-)?gap\s*:/],
      ['aspect-ratio', /aspect-ratio/],
      [':is()', /:is\(/],
      [':where()', /:where\(/],
      [':has()', /:has\(/],
      [':focus-visible', /:focus-visible/],
      ['inset', /(^|[\s;{])inset\s*:/],
      ['container queries', /@container|container-type/],
      ['min()/max()/clamp()', /(^|[\s(,:])(min|max|clamp)\(/],
    ];
    const found = forbidden.filter(([, pattern]) => pattern.test(code)).map(([name]) => name);
    expect(found).toEqual([]);
  });

  it('sizes text in rem/em (or tokens), never px, so it follows the font scale', () => {
    const code = css.replace(/\/\*[\s\S]*?\*\//g, '');
    const fontSizes = Array.from(code.matchAll(/font-size\s*:\s*([^;]+);/g), (m) => m[1]?.trim());
    expect(fontSizes.length).toBeGreaterThan(10);
    expect(fontSizes.filter((v) => v && /px/.test(v))).toEqual([]);
    // Nothing gets a fixed pixel height (1px is the visually-hidden pattern; calc(100% + 4px) is relative).
    const heights = Array.from(code.matchAll(/(?:^|[\s;{])height\s*:\s*([^;]+);/g), (m) => m[1]?.trim());
    expect(heights.filter((v) => v && /^\d+(\.\d+)?px$/.test(v) && v !== '1px')).toEqual([]);
  });

  it('contrast() agrees with the WCAG reference values', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});
