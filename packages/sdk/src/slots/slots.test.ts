import { SLOT_IDS } from '@cunmen/manifest';
import { forwardRef, lazy, memo } from 'react';
import { describe, expect, it } from 'vitest';
import { defineCadrePage, definePage, defineTile, isSlotContribution, SUPPORTED_SLOTS } from './slots.js';

function Tile() {
  return null;
}
function Page({ path }: { path: string }) {
  return path === '/' ? null : null;
}

const Memo = memo(Tile);
const Ref = forwardRef<HTMLDivElement, { path: string }>(() => null);
const Lazy = lazy(async () => ({ default: Page }));

describe('define helpers', () => {
  it('defineTile / definePage / defineCadrePage wrap the component for their slot', () => {
    expect(defineTile(Tile)).toEqual({ slot: 'village.home.tile/v1', Component: Tile });
    expect(definePage(Page)).toEqual({ slot: 'village.page/v1', Component: Page });
    expect(defineCadrePage(Page)).toEqual({ slot: 'cadre.page/v1', Component: Page });
  });

  it('accept memo, forwardRef and lazy components', () => {
    expect(defineTile(Memo).Component).toBe(Memo);
    expect(definePage(Ref).Component).toBe(Ref);
    expect(defineCadrePage(Lazy).Component).toBe(Lazy);
  });

  it('reject something that is not a component', () => {
    expect(() => defineTile('Tile' as never)).toThrow(
      expect.objectContaining({ code: 'SDK_ERR_INVALID_ARGUMENT' }),
    );
    expect(() => definePage(undefined as never)).toThrow(/definePage\(Component\)/);
  });
});

describe('isSlotContribution', () => {
  it('accepts what the helpers produce', () => {
    for (const value of [defineTile(Tile), definePage(Page), defineCadrePage(Page)]) {
      expect(isSlotContribution(value)).toBe(true);
    }
  });

  it('rejects modules that are not contributions', () => {
    for (const value of [
      null,
      undefined,
      Tile,
      { default: defineTile(Tile) },
      { slot: 'village.home.tile/v2', Component: Tile },
      { slot: 'village.home.tile/v1' },
      { slot: 'village.page/v1', Component: 'Page' },
      // Navigation entries live in widget.json, never in a module.
      { slot: 'village.nav/v1', label: { 'zh-CN': '预约' }, to: '/w' },
      { slot: 'village.nav/v1', Component: Tile },
    ]) {
      expect(isSlotContribution(value)).toBe(false);
    }
  });
});

describe('SUPPORTED_SLOTS', () => {
  it('matches the slot ids in @cunmen/manifest', () => {
    expect([...SUPPORTED_SLOTS].sort()).toEqual([...SLOT_IDS].sort());
  });
});
