/**
 * The draft's state and its two actions: 发布 (a whole-portal save based on the draft's version) and
 * 放弃 (back to the published portal). A portal published by someone else meanwhile is refused by the
 * server with what changed; the cadre reads it in plain words and reloads the newest version.
 */
import { Alert, App, Button, Space } from 'antd';
import { problemText } from '../api/client.js';
import { useConsoleConfig } from '../cadre/CadreArea.js';
import { useT } from '../i18n/index.js';
import { staleChangesOf, useDraftEdit, usePublish } from './api.js';
import { shortTime } from './ComposerHeading.js';
import { describeStale } from './diff.js';
import type { ComposerView } from './types.js';

export function PublishBar({ view }: { view: ComposerView }) {
  const t = useT();
  const { message } = App.useApp();
  const code = view.village.code;
  const publish = usePublish(code);
  const edit = useDraftEdit(code);
  const config = useConsoleConfig();
  const residentUrl = config.data?.residentUrl?.replace(/\/+$/, '');
  const stale = staleChangesOf(publish.error);
  const state = view.draft
    ? t('composer.draft', { who: view.draft.updatedBy, time: shortTime(view.draft.updatedAt) })
    : view.published === null
      ? t('composer.noPortal')
      : t('composer.sameAs', { version: view.published });
  const behind = view.draft && view.published !== null && view.published !== view.draft.baseVersion;

  const doPublish = () =>
    publish.mutate(undefined, {
      onSuccess: (saved) => {
        void message.success(t('composer.published', { version: saved.version }));
        for (const w of saved.warnings) void message.warning(t('composer.warning', { message: w.zh }));
      },
    });
  const reload = () => edit.mutate({ kind: 'discard' }, { onSuccess: () => publish.reset() });

  return (
    <div className="composer-publish" data-state={view.draft ? 'draft' : 'published'}>
      <p className="composer-publish__state" role="status">
        {state}
      </p>
      {behind ? (
        <Alert type="warning" title={t('composer.staleDraft', { version: view.published ?? 0 })} />
      ) : null}
      <Space wrap>
        <Button
          type="primary"
          size="large"
          disabled={!view.draft}
          loading={publish.isPending}
          onClick={doPublish}
        >
          {t('composer.publish')}
        </Button>
        {view.draft ? (
          <Button
            onClick={() =>
              edit.mutate(
                { kind: 'discard' },
                { onSuccess: () => void message.info(t('composer.discarded')) },
              )
            }
          >
            {t('composer.discard')}
          </Button>
        ) : null}
        {residentUrl && view.published !== null ? (
          <a
            className="console-big-link console-big-link--inline"
            href={`${residentUrl}/v/${code}/`}
            target="_blank"
            rel="noreferrer"
          >
            {t('composer.openPortal')}
          </a>
        ) : null}
      </Space>
      {stale ? (
        <Alert
          type="error"
          role="alert"
          className="composer-stale"
          title={t('composer.stale')}
          description={
            <ul>
              {describeStale(stale, view.services).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          }
          action={
            <Button onClick={reload} loading={edit.isPending}>
              {t('composer.reload')}
            </Button>
          }
        />
      ) : publish.isError ? (
        <Alert
          type="error"
          role="alert"
          title={problemText(publish.error, t('app.failed', { message: '' }))}
        />
      ) : null}
    </div>
  );
}
