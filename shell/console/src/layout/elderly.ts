/**
 * 长辈版 (large text) for the console: many cadres are over 50 and work on a phone. Remembered in this
 * origin's storage under the key the resident portal uses; it sizes the console's own controls (the
 * antd theme) and the cadre pages (the UI kit's elderly mode).
 */
import { createElderlyMode, type ElderlyMode } from '@cunmen/sdk';
import type { ThemeConfig } from 'antd';
import { createContext, useContext, useSyncExternalStore } from 'react';

export const ELDERLY_STORAGE_KEY = 'cunmen:elderly';

export function storedElderlyMode(storage: Pick<Storage, 'getItem' | 'setItem'> | null): ElderlyMode {
  let stored: boolean | undefined;
  try {
    const value = storage?.getItem(ELDERLY_STORAGE_KEY);
    stored = value === 'true' ? true : value === 'false' ? false : undefined;
  } catch {
    stored = undefined;
  }
  return createElderlyMode(stored ?? false, (value) => {
    try {
      storage?.setItem(ELDERLY_STORAGE_KEY, String(value));
    } catch {
      // Private mode: the choice lasts for this visit.
    }
  });
}

export const ElderlyContext = createContext<ElderlyMode>(createElderlyMode(false));

export function useElderlyMode(): ElderlyMode {
  return useContext(ElderlyContext);
}

export function useElderly(): boolean {
  const mode = useElderlyMode();
  return useSyncExternalStore(mode.subscribe, mode.get, mode.get);
}

/**
 * The antd theme: the province's red, text colours that pass WCAG AA on white (antd's lighter
 * secondary greys do not), and touch targets of 44 px — 60 px and 20 px text in 长辈版.
 */
export function consoleTheme(elderly: boolean): ThemeConfig {
  return {
    token: {
      colorPrimary: '#8a1c1c',
      colorLink: '#8a1c1c',
      colorInfo: '#8a1c1c',
      colorTextSecondary: '#4d4d4d',
      colorTextTertiary: '#4d4d4d',
      colorTextDescription: '#4d4d4d',
      colorTextPlaceholder: '#6b6b6b',
      // Error text under a field and danger buttons: the UI kit's danger red (AA on white), not antd's.
      colorError: '#b42318',
      borderRadius: 8,
      fontSize: elderly ? 20 : 16,
      controlHeight: elderly ? 60 : 44,
      controlHeightLG: elderly ? 64 : 52,
      controlHeightSM: elderly ? 60 : 44,
      fontFamily:
        '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Helvetica Neue", Arial, sans-serif',
    },
    components: {
      Menu: { itemHeight: elderly ? 60 : 48 },
      Layout: { headerBg: '#8a1c1c', siderBg: '#ffffff', bodyBg: '#f7f7f5' },
    },
  };
}
