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

export interface NavLabel {
  'zh-CN': string;
  en?: string;
}

export interface TileContribution {
  slot: 'village.home.tile/v1';
  Component: ComponentType<TileProps>;
}

export interface PageContribution {
  slot: 'village.page/v1';
  Component: ComponentType<PageProps>;
}

export interface NavContribution {
  slot: 'village.nav/v1';
  label: NavLabel;
  /** An icon name from the UI kit's icon set. */
  icon?: string;
  /** A portal path, starting with `/`. */
  to: string;
}

export interface CadrePageContribution {
  slot: 'cadre.page/v1';
  Component: ComponentType<CadrePageProps>;
}

export type SlotContribution = TileContribution | PageContribution | NavContribution | CadrePageContribution;

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

function isNavLabel(label: unknown): label is NavLabel {
  if (typeof label !== 'object' || label === null) return false;
  const { 'zh-CN': zh, en } = label as Record<string, unknown>;
  return typeof zh === 'string' && zh.trim() !== '' && (en === undefined || typeof en === 'string');
}

function isPortalPath(to: unknown): to is string {
  return typeof to === 'string' && to.startsWith('/') && !to.startsWith('//');
}

/**
 * @example
 * export default defineNav({ label: { 'zh-CN': '预约', en: 'Book' }, icon: 'calendar', to: '/w/waste-booking' });
 */
export function defineNav(nav: { label: NavLabel; icon?: string; to: string }): NavContribution {
  if (!isNavLabel(nav?.label)) {
    throw invalidArgument(
      'defineNav label',
      { 'zh-CN': "{ 'zh-CN': 非空字符串, en?: 字符串 }", en: "{ 'zh-CN': non-empty string, en?: string }" },
      nav?.label,
    );
  }
  if (!isPortalPath(nav.to)) {
    throw invalidArgument(
      'defineNav to',
      { 'zh-CN': '以 / 开头的门户路径', en: 'a portal path starting with /' },
      nav.to,
    );
  }
  if (nav.icon !== undefined && typeof nav.icon !== 'string') {
    throw invalidArgument('defineNav icon', { 'zh-CN': '图标名称字符串', en: 'an icon name' }, nav.icon);
  }
  const label: NavLabel = nav.label.en === undefined ? { 'zh-CN': nav.label['zh-CN'] } : { ...nav.label };
  return nav.icon === undefined
    ? { slot: 'village.nav/v1', label, to: nav.to }
    : { slot: 'village.nav/v1', label, icon: nav.icon, to: nav.to };
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
  if (COMPONENT_SLOTS.includes(candidate.slot)) return isComponent(candidate.Component);
  if (candidate.slot === 'village.nav/v1') {
    return (
      isNavLabel(candidate.label) &&
      isPortalPath(candidate.to) &&
      (candidate.icon === undefined || typeof candidate.icon === 'string')
    );
  }
  return false;
}
