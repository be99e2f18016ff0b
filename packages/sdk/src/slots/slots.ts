/**
 * Slot contributions. A widget's exposed module default-exports exactly one contribution, built with
 * one of the `define*` helpers; the host checks what it loaded with `isSlotContribution` and renders it
 * according to the slot's versioned contract (a breaking change is a new `/v2` slot, never an edit here).
 *
 * - `village.home.tile/v1` — a home-page tile, rendered with no props.
 * - `village.page/v1` — a resident page, rendered with `{ path }` (the path under the widget's route).
 * - `village.nav/v1` — a navigation entry, no component: `{ label, icon?, to }`.
 * - `cadre.page/v1` — a cadre back-office page, rendered with `{ path }`.
 */
import type { SlotId } from '@cunmen/manifest';
import type { ComponentType } from 'react';
import { invalidArgument } from '../core/errors.js';

/** Tiles get no props; read everything through the hooks. */
export type TileProps = Record<string, never>;

export interface PageProps {
  /** The path below the widget's route, `'/'` at its root. */
  path: string;
}

export type CadrePageProps = PageProps;

export interface TileContribution {
  slot: 'village.home.tile/v1';
  Component: ComponentType<TileProps>;
}

export interface PageContribution {
  slot: 'village.page/v1';
  Component: ComponentType<PageProps>;
}

export interface CadrePageContribution {
  slot: 'cadre.page/v1';
  Component: ComponentType<CadrePageProps>;
}

/**
 * What an exposed module default-exports. `village.nav/v1` has no module: a navigation entry is declared
 * in widget.json (`route` and `title`), so the shell draws it without loading any widget code.
 */
export type SlotContribution = TileContribution | PageContribution | CadrePageContribution;

/** The slots this SDK version can define; equal to `SLOT_IDS` in `@cunmen/manifest` (a test keeps them in step). */
export const SUPPORTED_SLOTS = [
  'village.home.tile/v1',
  'village.page/v1',
  'village.nav/v1',
  'cadre.page/v1',
] as const satisfies readonly SlotId[];

const COMPONENT_SLOTS: readonly string[] = ['village.home.tile/v1', 'village.page/v1', 'cadre.page/v1'];

/** A function component, class component, or React's memo/forwardRef/lazy wrapper objects. */
function isComponent(value: unknown): boolean {
  return (
    typeof value === 'function' ||
    (typeof value === 'object' &&
      value !== null &&
      typeof (value as { $$typeof?: unknown }).$$typeof === 'symbol')
  );
}

function checkComponent(helper: string, Component: unknown): void {
  if (!isComponent(Component)) {
    throw invalidArgument(
      `${helper}(Component)`,
      { 'zh-CN': 'React 组件', en: 'a React component' },
      Component,
    );
  }
}

/**
 * @example
 * export default defineTile(function WasteTile() { return <Tile title="垃圾分类预约" />; });
 */
export function defineTile(Component: ComponentType<TileProps>): TileContribution {
  checkComponent('defineTile', Component);
  return { slot: 'village.home.tile/v1', Component };
}

/**
 * @example
 * export default definePage(function BookingPage({ path }) { return path === '/' ? <List /> : <Detail />; });
 */
export function definePage(Component: ComponentType<PageProps>): PageContribution {
  checkComponent('definePage', Component);
  return { slot: 'village.page/v1', Component };
}

/**
 * @example
 * export default defineCadrePage(function BookingsAdmin() { return <Table />; });
 */
export function defineCadrePage(Component: ComponentType<CadrePageProps>): CadrePageContribution {
  checkComponent('defineCadrePage', Component);
  return { slot: 'cadre.page/v1', Component };
}

/**
 * Whether a loaded module's default export is a contribution this SDK understands.
 *
 * @example
 * const mod = await loadRemote(`${name}/tile`);
 * if (!isSlotContribution(mod.default) || mod.default.slot !== expectedSlot) showFallback();
 */
export function isSlotContribution(value: unknown): value is SlotContribution {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  if (typeof candidate.slot !== 'string') return false;
  return COMPONENT_SLOTS.includes(candidate.slot) && isComponent(candidate.Component);
}
