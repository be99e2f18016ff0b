/**
 * The console's providers, outermost first: the server API, TanStack Query, the locale, 长辈版, the
 * antd theme (zh-CN, large targets) and the UI kit's theme (the cadre pages' components), the router.
 */
import type { ElderlyMode, Locale } from '@cunmen/sdk';
import { ThemeProvider } from '@cunmen/ui';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type RouterHistory, RouterProvider } from '@tanstack/react-router';
import { App as AntdApp, ConfigProvider, type ConfigProviderProps } from 'antd';
import * as enUS from 'antd/es/locale/en_US.js';
import * as zhCN from 'antd/es/locale/zh_CN.js';
import { useMemo, useState } from 'react';
import { type Api, ApiContext, createApi } from './api/client.js';
import { ConsoleI18n, consoleTranslate } from './i18n/index.js';
import { consoleTheme, ElderlyContext, useElderly } from './layout/elderly.js';
import { createConsoleRouter } from './router.js';

export interface ConsoleAppProps {
  locale: Locale;
  elderly: ElderlyMode;
  api?: Api;
  /** For tests: a memory history. */
  history?: RouterHistory;
}

/** antd's locale files are typed as CommonJS: the default export is the locale, whichever way it comes. */
function antdLocale(locale: Locale): ConfigProviderProps['locale'] {
  const module: object = locale === 'en' ? enUS : zhCN;
  return ('default' in module ? module.default : module) as ConfigProviderProps['locale'];
}

function Themed({ locale, children }: { locale: Locale; children: React.ReactNode }) {
  const elderly = useElderly();
  const theme = useMemo(() => consoleTheme(elderly), [elderly]);
  return (
    <ConfigProvider
      theme={theme}
      locale={antdLocale(locale)}
      // "登录", not "登 录": buttons keep their label as written, so screen readers and tests read it.
      button={{ autoInsertSpace: false }}
    >
      <ThemeProvider elderly={elderly} locale={locale} className="console-root">
        <AntdApp>{children}</AntdApp>
      </ThemeProvider>
    </ConfigProvider>
  );
}

export function ConsoleApp({ locale, elderly, api, history }: ConsoleAppProps) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } }),
  );
  const [router] = useState(() => createConsoleRouter(queryClient, history));
  const i18n = useMemo(() => ({ locale, t: consoleTranslate(locale) }), [locale]);
  const client = useMemo(() => api ?? createApi(), [api]);
  return (
    <ApiContext.Provider value={client}>
      <QueryClientProvider client={queryClient}>
        <ConsoleI18n.Provider value={i18n}>
          <ElderlyContext.Provider value={elderly}>
            <Themed locale={locale}>
              <RouterProvider router={router} />
            </Themed>
          </ElderlyContext.Provider>
        </ConsoleI18n.Provider>
      </QueryClientProvider>
    </ApiContext.Provider>
  );
}
