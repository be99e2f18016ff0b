/**
 * Design tokens of the resident-side UI: the single source of truth for colours, spacing, radii, type
 * and touch targets in normal and elderly (长辈版) mode. `styles.css` declares the same values as CSS
 * custom properties (`--cm-*`); `tokens.test.ts` keeps the two in step and checks the MIIT 适老化 and
 * WCAG 2.1 AA rules (contrast ≥ 4.5:1, elderly body ≥ 18 px, largest ≥ 30 px, line height ≥ 1.3,
 * touch targets ≥ 60 px).
 */

/** Colours shared by both modes; elderly mode overrides a few (see {@link elderlyColors}). */
export const colors = {
  page: '#f5f6f7',
  surface: '#ffffff',
  text: '#1f2329',
  textSecondary: '#575d66',
  border: '#6b717a',
  /** Hairlines between rows and around cards (decorative, no contrast rule). */
  divider: '#d0d4d9',
  primary: '#0b57d0',
  primaryActive: '#0842a0',
  onPrimary: '#ffffff',
  primarySoft: '#e8f0fe',
  danger: '#b42318',
  dangerActive: '#8c1d13',
  onDanger: '#ffffff',
  dangerSoft: '#fdecea',
  dangerText: '#8c1d13',
  successSoft: '#e6f4ea',
  successText: '#145c2e',
  disabled: '#e9ebee',
  onDisabled: '#5f6670',
  toast: '#1f2329',
  onToast: '#ffffff',
  focus: '#0b57d0',
} as const;

export type ColorToken = keyof typeof colors;

/** Elderly mode: darker text and borders on the same surfaces. */
export const elderlyColors: Partial<Record<ColorToken, string>> = {
  text: '#000000',
  textSecondary: '#3d4249',
  border: '#4d535b',
};

/** Spacing scale in rem, so gaps grow with the reader's font scale. */
export const space = {
  1: '0.25rem',
  2: '0.5rem',
  3: '0.75rem',
  4: '1rem',
  5: '1.5rem',
  6: '2rem',
} as const;

export const radii = {
  sm: '4px',
  md: '8px',
  lg: '12px',
  pill: '999px',
} as const;

/** Font sizes in rem (1rem = 16 px at the default scale). */
export const fontSizes = {
  normal: { sm: '0.875rem', md: '1rem', lg: '1.25rem', xl: '1.5rem' },
  /** 适老化: nothing below 18 px, the page title at 30 px. */
  elderly: { sm: '1.125rem', md: '1.25rem', lg: '1.5rem', xl: '1.875rem' },
} as const;

export type FontSizeToken = keyof (typeof fontSizes)['normal'];

export const lineHeights = {
  body: '1.5',
  heading: '1.3',
} as const;

/**
 * Minimum touch target. Pixels on purpose: a finger does not grow with the font scale, and text inside
 * a control still enlarges it through em padding.
 */
export const touchTargets = {
  normal: '44px',
  elderly: '60px',
} as const;

export type ThemeMode = 'normal' | 'elderly';

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/**
 * The CSS custom properties of one mode, as `styles.css` declares them on `.cm-root` (normal) and
 * `.cm-root[data-cm-elderly="true"]` (elderly: only the properties that differ).
 *
 * @example
 * themeVars('elderly')['--cm-font-size-md'] // '1.25rem'
 */
export function themeVars(mode: ThemeMode): Record<string, string> {
  const vars: Record<string, string> = {};
  if (mode === 'normal') {
    for (const [name, value] of Object.entries(colors)) vars[`--cm-color-${kebab(name)}`] = value;
    for (const [name, value] of Object.entries(space)) vars[`--cm-space-${name}`] = value;
    for (const [name, value] of Object.entries(radii)) vars[`--cm-radius-${name}`] = value;
    for (const [name, value] of Object.entries(lineHeights)) vars[`--cm-line-height-${name}`] = value;
  } else {
    for (const [name, value] of Object.entries(elderlyColors)) vars[`--cm-color-${kebab(name)}`] = value;
  }
  for (const [name, value] of Object.entries(fontSizes[mode])) vars[`--cm-font-size-${name}`] = value;
  vars['--cm-touch-min'] = touchTargets[mode];
  return vars;
}
