/**
 * The root of every resident-side UI: sets the CSS custom properties' scope (`.cm-root`), switches
 * elderly mode with `data-cm-elderly="true"`, sets `lang`, and hosts the toast live region.
 */
import { type CSSProperties, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { formatMessage, type Locale } from '../../i18n/messages.js';
import { cx } from '../../internal/cx.js';
import { ToastHost } from '../Toast/ToastHost.js';
import { ThemeContext, type ThemeContextValue } from './context.js';

export interface ThemeProviderProps {
  /**
   * Elderly mode (长辈版), controlled. Left undefined, a nested provider follows the outer one (a widget
   * inside the shell), and an outermost provider keeps its own state.
   */
  elderly?: boolean;
  /** Initial elderly mode of an outermost, uncontrolled provider when nothing is remembered. */
  defaultElderly?: boolean;
  /** Called when a component (ElderlyModeSwitch) asks to change the mode. */
  onElderlyChange?: (elderly: boolean) => void;
  /** When set, the choice is remembered in localStorage under this key. */
  storageKey?: string;
  /** Locale of the built-in strings; the outer provider's, or zh-CN. */
  locale?: Locale;
  /**
   * The village's accent colour (`#rrggbb`, checked for AA contrast when the portal was saved): buttons,
   * links and the focus ring take it. Absent, the UI kit's own primary colour.
   */
  accent?: string;
  className?: string;
  children?: ReactNode;
}

const ACCENT = /^#[0-9a-fA-F]{6}$/;

function readStored(key: string | undefined): boolean | undefined {
  if (!key) return undefined;
  try {
    const value = globalThis.localStorage?.getItem(key);
    return value === 'true' ? true : value === 'false' ? false : undefined;
  } catch {
    return undefined;
  }
}

function writeStored(key: string | undefined, value: boolean): void {
  if (!key) return;
  try {
    globalThis.localStorage?.setItem(key, String(value));
  } catch {
    // Storage can be unavailable (private mode, WeChat quirks); the choice then lasts for the session.
  }
}

/**
 * @example
 * <ThemeProvider elderly={elderly} onElderlyChange={setElderly} locale="zh-CN">
 *   <Page title="找农机">…</Page>
 * </ThemeProvider>
 */
export function ThemeProvider({
  elderly: elderlyProp,
  defaultElderly = false,
  onElderlyChange,
  storageKey,
  locale: localeProp,
  accent,
  className,
  children,
}: ThemeProviderProps) {
  const parent = useContext(ThemeContext);
  const [own, setOwn] = useState<boolean>(() => readStored(storageKey) ?? defaultElderly);
  const inherit = elderlyProp === undefined && parent !== null && storageKey === undefined;
  const elderly = elderlyProp ?? (inherit && parent ? parent.elderly : own);
  const locale = localeProp ?? parent?.locale ?? 'zh-CN';
  const parentSet = parent?.setElderly;
  const setElderly = useCallback(
    (next: boolean) => {
      if (inherit && parentSet) parentSet(next);
      else {
        setOwn(next);
        writeStored(storageKey, next);
      }
      onElderlyChange?.(next);
    },
    [inherit, parentSet, storageKey, onElderlyChange],
  );
  const value = useMemo<ThemeContextValue>(
    () => ({ elderly, locale, setElderly, t: (key, params) => formatMessage(locale, key, params) }),
    [elderly, locale, setElderly],
  );
  return (
    <ThemeContext.Provider value={value}>
      <div
        className={cx('cm-root', className)}
        data-cm-elderly={elderly ? 'true' : 'false'}
        lang={locale}
        // Set through the CSSOM by React, so a CSP without 'unsafe-inline' styles still allows it.
        style={
          accent && ACCENT.test(accent)
            ? ({ '--cm-color-primary': accent, '--cm-color-focus': accent } as CSSProperties)
            : undefined
        }
      >
        <ToastHost>{children}</ToastHost>
      </div>
    </ThemeContext.Provider>
  );
}
