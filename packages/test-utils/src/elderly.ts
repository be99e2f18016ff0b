/**
 * The MIIT 适老化 size rules, measured in the page: text smaller than the minimum, touch targets
 * smaller than the minimum. Each returns one line per offender (empty when the page complies).
 */
import type { Page } from 'playwright-core';

/** Visible text smaller than `min` px: "size px  tag.class: text". */
export function smallText(page: Page, min: number) {
  return page.evaluate((minPx) => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const el = node.parentElement;
      if (!text || !el) continue;
      const rect = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      // Not rendered, or the visually-hidden pattern (1 px, clipped) and the off-screen skip link.
      if (rect.width <= 1 || rect.height <= 1 || rect.right < 0 || style.visibility === 'hidden') continue;
      const size = Number.parseFloat(style.fontSize);
      if (size < minPx)
        out.push(`${size}px ${el.tagName.toLowerCase()}.${el.className}: ${text.slice(0, 30)}`);
    }
    return out;
  }, min);
}

/** Touch targets smaller than `min` px in either dimension: "w×h tag.class: label". */
export function smallTargets(page: Page, min: number) {
  return page.evaluate((minPx) => {
    const out: string[] = [];
    const targets = document.querySelectorAll<HTMLElement>(
      'a[href], button, [role="switch"], [role="button"], input, select, textarea, .cm-tile',
    );
    for (const el of Array.from(targets)) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.right < 0) continue; // not rendered / the off-screen skip link
      // A native input covered by its label row counts as the row (the UI kit's radio/checkbox pattern).
      const box = el.matches('input') && el.parentElement ? el.parentElement.getBoundingClientRect() : rect;
      if (box.width < minPx || box.height < minPx) {
        const label = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30);
        out.push(
          `${box.width.toFixed(0)}×${box.height.toFixed(0)} ${el.tagName.toLowerCase()}.${el.className}: ${label}`,
        );
      }
    }
    return out;
  }, min);
}
