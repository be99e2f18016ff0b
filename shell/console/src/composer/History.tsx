/**
 * The portal's history: every published version (newest first) with who and when; 和现在比较 shows in
 * plain words what differs from the current version, and 恢复这一版 makes it current again in one click
 * (a rollback moves the pointer: no version is deleted).
 */
import { Alert, App, Button, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { problemText } from '../api/client.js';
import { useT } from '../i18n/index.js';
import { Loading } from '../layout/Loading.js';
import { usePublishedVersion, useRollback, useVersions } from './api.js';
import { ComposerHeading, shortTime } from './ComposerHeading.js';
import { describeDiff, diffPortals } from './diff.js';
import type { ComposerView } from './types.js';

export function History({ view }: { view: ComposerView }) {
  const t = useT();
  const { message } = App.useApp();
  const code = view.village.code;
  const versions = useVersions(code);
  const rollback = useRollback(code);
  const [open, setOpen] = useState<number | null>(null);
  return (
    <section className="console-page composer">
      <ComposerHeading view={view} title={t('composer.history')} />
      <Typography.Paragraph>{t('composer.historyIntro')}</Typography.Paragraph>
      {rollback.isError ? (
        <Alert
          type="error"
          role="alert"
          title={problemText(rollback.error, t('app.failed', { message: '' }))}
        />
      ) : null}
      {versions.isPending ? (
        <Loading label={t('app.loading')} />
      ) : versions.isError ? (
        <Alert
          type="error"
          role="alert"
          title={problemText(versions.error, t('app.failed', { message: '' }))}
        />
      ) : (
        <List
          className="composer-history"
          dataSource={versions.data.versions}
          renderItem={(v) => (
            <List.Item data-version={v.version}>
              <div className="composer-history__row">
                <p>
                  <strong>{t('composer.versionOf', { version: v.version })}</strong>{' '}
                  {v.current ? <Tag>{t('composer.current')}</Tag> : null}
                  <br />
                  {t('composer.savedBy', { who: v.createdBy, time: shortTime(v.createdAt) })}
                </p>
                {v.current ? null : (
                  <Space wrap>
                    <Button
                      aria-expanded={open === v.version}
                      onClick={() => setOpen(open === v.version ? null : v.version)}
                    >
                      {t('composer.compare')}
                    </Button>
                    <Button
                      loading={rollback.isPending && rollback.variables === v.version}
                      onClick={() =>
                        rollback.mutate(v.version, {
                          onSuccess: () =>
                            void message.success(t('composer.rolledBack', { version: v.version })),
                        })
                      }
                    >
                      {t('composer.rollback')}
                    </Button>
                  </Space>
                )}
                {open === v.version && versions.data.current !== null ? (
                  <Comparison village={code} version={v.version} current={versions.data.current} />
                ) : null}
              </div>
            </List.Item>
          )}
        />
      )}
    </section>
  );
}

function Comparison({ village, version, current }: { village: string; version: number; current: number }) {
  const t = useT();
  const then = usePublishedVersion(village, version);
  const now = usePublishedVersion(village, current);
  if (!then.data || !now.data) return <Loading label={t('app.loading')} />;
  const services = { ...then.data.services, ...now.data.services };
  const lines = describeDiff(
    diffPortals(then.data.config, now.data.config, now.data.services, then.data.services),
    services,
  );
  return (
    <section className="composer-diff" aria-label={t('composer.compare')}>
      {lines.length === 0 ? (
        <p>{t('composer.same')}</p>
      ) : (
        <ul>
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
