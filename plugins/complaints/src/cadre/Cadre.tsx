/** The cadre page (route `complaints`): the queue with overdue flags, case details with actions, metrics, settings. */
import { type CadrePageProps, useT } from '@cunmen/sdk';
import { Button, Page } from '@cunmen/ui';
import { useState } from 'react';
import { CaseDetailView } from './CaseDetailView.js';
import { messages } from './i18n.js';
import { Metrics } from './Metrics.js';
import { Queue } from './Queue.js';
import { Settings } from './Settings.js';

type Tab = 'queue' | 'metrics' | 'settings';

export function ComplaintsCadre({ path }: CadrePageProps) {
  const t = useT(messages);
  const initial: Tab = path.startsWith('/metrics')
    ? 'metrics'
    : path.startsWith('/settings')
      ? 'settings'
      : 'queue';
  const [tab, setTab] = useState<Tab>(initial);
  const [open, setOpen] = useState<string | null>(() => /^\/cases\/([0-9a-f-]{36})/.exec(path)?.[1] ?? null);
  return (
    <Page title={t('title')}>
      <nav aria-label={t('title')} style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        {(['queue', 'metrics', 'settings'] as const).map((k) => (
          <Button
            key={k}
            variant={tab === k ? 'primary' : 'secondary'}
            aria-pressed={tab === k}
            onClick={() => {
              setTab(k);
              setOpen(null);
            }}
          >
            {t(`tabs.${k}`)}
          </Button>
        ))}
      </nav>
      {tab === 'queue' ? (
        open ? (
          <CaseDetailView id={open} onBack={() => setOpen(null)} />
        ) : (
          <Queue onOpen={setOpen} />
        )
      ) : null}
      {tab === 'metrics' ? <Metrics /> : null}
      {tab === 'settings' ? <Settings /> : null}
    </Page>
  );
}
