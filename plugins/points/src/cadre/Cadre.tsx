/**
 * The cadre page (route `points`): the rule book and its adoption, the claim queue, the shop, the export.
 * A merchant of the village signs in on the staff console too (every role but resident does): there this
 * page is their counter.
 */
import { type CadrePageProps, useT, useUser } from '@cunmen/sdk';
import { Button, Page } from '@cunmen/ui';
import { useState } from 'react';
import { Counter } from '../page/Counter.js';
import { useDownload } from './download.js';
import { Goods } from './Goods.js';
import { messages } from './i18n.js';
import { Queue } from './Queue.js';
import { RuleBook } from './RuleBook.js';

const TABS = ['queue', 'rules', 'shop', 'export'] as const;
type Tab = (typeof TABS)[number];

export function PointsCadre(props: CadrePageProps) {
  if (useUser()?.role === 'merchant') return <Counter />;
  return <CommitteePage {...props} />;
}

function CommitteePage({ path }: CadrePageProps) {
  const t = useT(messages);
  const [tab, setTab] = useState<Tab>(() => TABS.find((k) => path.startsWith(`/${k}`)) ?? 'queue');
  const download = useDownload();
  return (
    <Page title={t('title')}>
      <nav aria-label={t('title')} style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginBottom: 12 }}>
        {TABS.map((k) => (
          <Button
            key={k}
            variant={tab === k ? 'primary' : 'secondary'}
            aria-pressed={tab === k}
            onClick={() => setTab(k)}
          >
            {t(`tabs.${k}`)}
          </Button>
        ))}
      </nav>
      {tab === 'queue' ? <Queue /> : null}
      {tab === 'rules' ? <RuleBook /> : null}
      {tab === 'shop' ? <Goods /> : null}
      {tab === 'export' ? (
        <div>
          <p>{t('export.hint')}</p>
          <Button onClick={() => void download.save('/export.xlsx', '积分台账.xlsx')}>
            {t('export.button')}
          </Button>
          {download.error ? <p role="alert">{download.error}</p> : null}
        </div>
      ) : null}
    </Page>
  );
}
