/**
 * The layout rules of a phone page, measured in Chromium with the fonts residents' phones have:
 * - the page never scrolls sideways;
 * - no text is cut off: not by its own box (clamped or `overflow: hidden`) unless the element carries
 *   the full text as its `title`, and not by a clipping ancestor (a sideways-scrolling box, e.g. a wide
 *   table, is fine: its text is reached by scrolling);
 * - no two pieces of text overlap;
 * and, with the UI kit's touch-target rule, `smallTargets` from `@cunmen/test-utils`.
 * Each function returns one line per offender (empty when the page complies).
 */
import { type openPage, smallTargets } from '@cunmen/test-utils';

type Page = Awaited<ReturnType<typeof openPage>>['page'];

/** Sets the root font size (what WeChat's 关怀模式 and the system text size do to a rem-based page). */
export async function setFontScale(page: Page, percent: number): Promise<void> {
  await page.evaluate((value) => {
    document.documentElement.style.fontSize = `${value}%`;
    window.scrollTo(0, 0);
  }, percent);
  // Two frames: the resize observers (the bottom nav) run, React commits, layout settles.
  await page.evaluate(
    () =>
      new Promise((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50))),
      ),
  );
}

export function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1)
      out.push(`page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);

    const describe = (el: Element, text: string) =>
      `${el.tagName.toLowerCase()}.${String(el.getAttribute('class') ?? '').split(' ')[0]}: ${text.slice(0, 24)}`;
    const clips = (style: CSSStyleDeclaration) =>
      style.overflowX !== 'visible' || style.overflowY !== 'visible';
    const scrolls = (style: CSSStyleDeclaration) => /auto|scroll/.test(style.overflowX + style.overflowY);
    const pinned = (el: Element | null): boolean => {
      for (let e = el; e; e = e.parentElement) {
        const p = getComputedStyle(e).position;
        if (p === 'fixed' || p === 'sticky') return true;
      }
      return false;
    };

    const boxes: { rect: DOMRect; node: Text; label: string }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = new Set<Element>();
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const text = node.textContent?.trim();
      const el = node.parentElement;
      if (!text || !el) continue;
      const style = getComputedStyle(el);
      const own = el.getBoundingClientRect();
      // Not rendered, hidden, or the visually-hidden pattern (1 px, clipped) and the off-screen skip link.
      if (own.width <= 1 || own.height <= 1 || own.right < 0 || style.visibility === 'hidden') continue;
      if (el.closest('[hidden], [aria-hidden="true"] svg, svg')) continue;
      const label = describe(el, text);

      // Cut by its own box: allowed only when the full text is the element's (or its link's) title.
      if (!seen.has(el) && clips(style) && !scrolls(style)) {
        seen.add(el);
        const cut = el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
        const titled = el.closest('[title]')?.getAttribute('title')?.trim() === el.textContent?.trim();
        if (cut && !titled) out.push(`text cut off by its own box ${label}`);
      }

      const range = document.createRange();
      range.selectNodeContents(node);
      const rects = Array.from(range.getClientRects()).filter((r) => r.width > 1 && r.height > 1);
      // Cut by a clipping ancestor that does not scroll (a sideways-scrolling table is fine).
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (!clips(s) || scrolls(s)) continue;
        const box = a.getBoundingClientRect();
        if (box.width <= 1 || box.height <= 1) break; // a visually-hidden wrapper
        if (
          rects.some((r) => r.left < box.left - 1 || r.right > box.right + 1 || r.bottom > box.bottom + 1)
        ) {
          out.push(`text cut off by ${describe(a, '')}${label}`);
        }
        break;
      }
      if (!pinned(el)) for (const rect of rects) boxes.push({ rect, node, label });
    }

    // Overlapping text: two pieces of text whose line boxes share a good part of their height. (CJK
    // fonts' line boxes are taller than a 1.3 line height, so neighbouring lines touch a little.)
    const reported = new Set<string>();
    for (let i = 0; i < boxes.length; i++) {
      const a = boxes[i] as (typeof boxes)[number];
      for (let j = i + 1; j < boxes.length; j++) {
        const b = boxes[j] as (typeof boxes)[number];
        if (a.node === b.node) continue;
        const w = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
        const h = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
        if (w > 4 && h > 0.4 * Math.min(a.rect.height, b.rect.height)) {
          const key = `${a.label} / ${b.label}`;
          if (!reported.has(key)) out.push(`overlapping text ${key}`);
          reported.add(key);
        }
      }
    }
    return out;
  });
}

/** Every rule at once, each line prefixed with where it was measured. */
export async function phoneProblems(page: Page, where: string, minTarget: number): Promise<string[]> {
  const layout = await layoutProblems(page);
  const targets = (await smallTargets(page, minTarget)).map((t) => `target under ${minTarget} px ${t}`);
  return [...layout, ...targets].map((p) => `${where}: ${p}`);
}
