/** Shown instead of a blank screen when the inlined snapshot is missing or invalid. */

import type { Locale } from '@cunmen/sdk';
import { Button, ThemeProvider } from '@cunmen/ui';
import type { ShellErrorCode } from '../errors.js';
import { shellTranslate } from '../i18n/index.js';

export function SnapshotError({ code, locale }: { code: ShellErrorCode; locale: Locale }) {
  const t = shellTranslate(locale);
  return (
    <ThemeProvider locale={locale} className="shell">
      <main className="shell-main shell-fatal">
        <h1>{t('snapshot.title')}</h1>
        <p role="alert">{t('snapshot.message')}</p>
        <p className="shell-fatal__code">{t('snapshot.code', { code })}</p>
        <Button onClick={() => window.location.reload()}>{t('snapshot.reload')}</Button>
      </main>
    </ThemeProvider>
  );
}
