/**
 * The composer's first screen: the draft's state and 发布, the home tiles and navigation entries in the
 * order residents see them (drag, or 上移/下移), the pages, notices of newer versions, and the phone
 * preview beside them (on a phone: its own screen). Every reorder is kept in the draft at once.
 */

import { LockOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import { App, Button, Card, Tag, Typography } from 'antd';
import { useT } from '../i18n/index.js';
import { useIsPhone } from '../layout/useIsPhone.js';
import { useDraftEdit } from './api.js';
import { ComposerHeading } from './ComposerHeading.js';
import { EntryList } from './EntryList.js';
import { entriesOf, moveEntry, NAV, type OrderedSlot, PAGE, TILE } from './layout.js';
import { PhonePreview } from './PhonePreview.js';
import { PublishBar } from './PublishBar.js';
import { composerHref, serviceHref } from './paths.js';
import type { ComposerView } from './types.js';
import { UpgradeNotice } from './UpgradeNotice.js';

export function Overview({ view }: { view: ComposerView }) {
  const t = useT();
  const phone = useIsPhone();
  const { message } = App.useApp();
  const edit = useDraftEdit(view.village.code);
  const code = view.village.code;
  const move = (slot: OrderedSlot) => (from: number, to: number) => {
    const entries = entriesOf(view.config, slot, view.services);
    const title = entries[from]?.title ?? '';
    edit.mutate(
      { kind: 'save', baseVersion: view.baseVersion, config: moveEntry(view.config, slot, from, to) },
      { onSuccess: () => void message.success(t('composer.moved', { title, n: to + 1 })) },
    );
  };
  const pages = entriesOf(view.config, PAGE, view.services);
  const mandatory = new Set((view.mandatory ?? []).map((r) => r.package));

  const lists = (
    <div className="composer-lists">
      <PublishBar view={view} />
      {view.config.widgets.map((w) => (
        <UpgradeNotice key={w.name} view={view} name={w.name} version={w.version} />
      ))}
      <p className="composer-actions">
        <Link to={composerHref(code, 'add') as '/'} className="console-big-link console-big-link--inline">
          {t('composer.add')}
        </Link>
        <Link to={composerHref(code, 'theme') as '/'} className="console-big-link console-big-link--inline">
          {t('composer.theme')}
        </Link>
        <Link to={composerHref(code, 'history') as '/'} className="console-big-link console-big-link--inline">
          {t('composer.history')}
        </Link>
        {phone ? (
          <Link
            to={composerHref(code, 'preview') as '/'}
            className="console-big-link console-big-link--inline"
          >
            {t('composer.preview')}
          </Link>
        ) : null}
      </p>
      <Card className="console-card" title={<h2 className="console-card-title">{t('composer.tiles')}</h2>}>
        <Typography.Paragraph>{t('composer.tilesHint')}</Typography.Paragraph>
        <EntryList
          id="tiles"
          label={t('composer.tiles')}
          entries={entriesOf(view.config, TILE, view.services)}
          village={code}
          busy={edit.isPending}
          onMove={move(TILE)}
        />
      </Card>
      <Card className="console-card" title={<h2 className="console-card-title">{t('composer.nav')}</h2>}>
        <Typography.Paragraph>{t('composer.navHint')}</Typography.Paragraph>
        <EntryList
          id="nav"
          label={t('composer.nav')}
          entries={entriesOf(view.config, NAV, view.services)}
          village={code}
          busy={edit.isPending}
          onMove={move(NAV)}
        />
      </Card>
      <Card className="console-card" title={<h2 className="console-card-title">{t('composer.pages')}</h2>}>
        <Typography.Paragraph>{t('composer.pagesHint')}</Typography.Paragraph>
        {pages.length === 0 ? (
          <Typography.Paragraph>{t('composer.none')}</Typography.Paragraph>
        ) : (
          <ul className="composer-pages">
            {pages.map((p) => (
              <li key={p.key}>
                <span>{p.title}</span>
                {mandatory.has(p.name) ? (
                  <Tag icon={<LockOutlined aria-hidden />} className="composer-mandatory-tag">
                    {t('composer.mandatory')}
                  </Tag>
                ) : null}
                <Link
                  to={serviceHref(code, p.name) as '/'}
                  aria-label={t('composer.settingsOf', { title: p.title })}
                >
                  {t('composer.settings')}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {edit.isError ? <EditFailed error={edit.error} onRetry={() => edit.reset()} /> : null}
    </div>
  );

  return (
    <section className="console-page composer">
      <ComposerHeading view={view} />
      <Typography.Paragraph>{t('composer.intro')}</Typography.Paragraph>
      {phone ? (
        lists
      ) : (
        <div className="composer-columns">
          {lists}
          <aside className="composer-aside" aria-label={t('composer.previewTitle')}>
            <PhonePreview view={view} />
          </aside>
        </div>
      )}
    </section>
  );
}

function EditFailed({ error, onRetry }: { error: unknown; onRetry(): void }) {
  const t = useT();
  const text = error instanceof Error ? error.message : '';
  return (
    <Button onClick={onRetry} role="alert">
      {t('app.failed', { message: text })}
    </Button>
  );
}
