/**
 * The cadre console page (村干部, 村务监督委员会, township and county staff): the dashboard of what is
 * due, drafting, the review queue with each revision's masked preview and workflow steps, and residents'
 * questions. Sub-views are local state; the console's URL stays at the route.
 */
import { type CadrePageProps, useT } from '@cunmen/sdk';
import { Button, Page } from '@cunmen/ui';
import { useState } from 'react';
import type { ItemView } from '../common/web.js';
import { messages } from '../i18n.js';
import { Catalogue } from './Catalogue.js';
import { Dashboard } from './Dashboard.js';
import { DraftForm } from './DraftForm.js';
import { ItemPanel } from './ItemPanel.js';
import { Questions } from './Questions.js';
import { Queue } from './Queue.js';
import { Settings } from './Settings.js';

type Tab = 'dashboard' | 'draft' | 'review' | 'questions' | 'catalogue';

export function AffairsCadre(_props: Partial<CadrePageProps>) {
  const t = useT(messages);
  const [tab, setTab] = useState<Tab>('dashboard');
  const [itemId, setItemId] = useState<string | null>(null);
  const [editing, setEditing] = useState<ItemView | null>(null);

  const go = (next: Tab) => {
    setTab(next);
    setItemId(null);
    setEditing(null);
  };
  const openItem = (id: string) => {
    setEditing(null);
    setItemId(id);
    setTab('review');
  };

  const tabs: [Tab, string][] = [
    ['dashboard', t('tabDashboard')],
    ['draft', t('tabDraft')],
    ['review', t('tabReview')],
    ['questions', t('tabQuestions')],
    ['catalogue', t('tabCatalogue')],
  ];

  let body: React.ReactNode;
  if (editing) {
    body = <DraftForm editing={editing} onSaved={openItem} onCancel={() => openItem(editing.id)} />;
  } else if (tab === 'dashboard') body = <Dashboard />;
  else if (tab === 'draft') body = <DraftForm onSaved={openItem} />;
  else if (tab === 'questions')
    body = (
      <>
        <Questions />
        <Settings />
      </>
    );
  else if (tab === 'catalogue') body = <Catalogue />;
  else if (itemId)
    body = <ItemPanel id={itemId} onBack={() => setItemId(null)} onEdit={setEditing} onOpen={openItem} />;
  else body = <Queue onOpen={openItem} />;

  return (
    <Page title={t('cadreTitle')}>
      <nav
        aria-label={t('cadreTitle')}
        style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 16 }}
      >
        {tabs.map(([key, label]) => (
          <Button
            key={key}
            variant={tab === key ? 'primary' : 'secondary'}
            aria-pressed={tab === key}
            onClick={() => go(key)}
          >
            {label}
          </Button>
        ))}
      </nav>
      {body}
    </Page>
  );
}
