/** Renders a component inside a ThemeProvider for happy-dom tests. */
import { cleanup, type RenderResult, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach } from 'vitest';
import { ThemeProvider, type ThemeProviderProps } from '../src/components/ThemeProvider/ThemeProvider.js';

afterEach(cleanup);

export function renderInTheme(
  ui: ReactElement,
  theme: Omit<ThemeProviderProps, 'children'> = {},
): RenderResult {
  return render(<ThemeProvider {...theme}>{ui}</ThemeProvider>);
}

/** The elements an aria-describedby (or aria-labelledby) value points to, in order. */
export function referenced(element: Element, attribute = 'aria-describedby'): HTMLElement[] {
  const ids = (element.getAttribute(attribute) ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => {
    const found = element.ownerDocument.getElementById(id);
    if (!found) throw new Error(`${attribute} names #${id}, which is not in the document`);
    return found;
  });
}
