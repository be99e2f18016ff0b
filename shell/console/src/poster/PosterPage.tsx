/**
 * A village's QR poster (route `/v/<village>/poster`): a preview of the A4 poster the server draws, the
 * PDF and PNG to download for the notice board, and the portal's link with a button that copies it for
 * the village's WeChat groups. Staff who manage several villages pick the village here.
 */
import { useNavigate, useParams } from '@tanstack/react-router';
import { Alert, Button, Card, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { problemText } from '../api/client.js';
import { useVillages } from '../home/HomePage.js';
import { useT } from '../i18n/index.js';
import { Loading } from '../layout/Loading.js';
import { PageHeading } from '../layout/PageHeading.js';
import { type PosterInfo, usePoster } from './api.js';
import { CopyLinkButton } from './CopyLinkButton.js';
import { type PosterTranslate, usePosterT } from './messages.js';
import { posterPath } from './nav.js';
import './poster.css';

export function PosterPage() {
  const t = usePosterT();
  const ct = useT();
  const { village } = useParams({ from: '/v/$village/poster' });
  const poster = usePoster(village);
  const crumbs = [{ label: ct('app.home'), to: '/' }];
  const picker = <VillagePicker current={village} t={t} />;
  if (poster.isPending) return <Loading label={ct('app.loading')} />;
  if (poster.isError) {
    return (
      <section className="console-page">
        <PageHeading title={t('title')} crumbs={crumbs} extra={picker} />
        <Alert
          type="error"
          role="alert"
          title={t('failed', { message: problemText(poster.error, ct('app.retry')) })}
        />
      </section>
    );
  }
  return (
    <section className="console-page poster-page">
      <PageHeading
        title={t('titleOf', { village: poster.data.village.name })}
        crumbs={crumbs}
        extra={picker}
      />
      <Typography.Paragraph>{t('intro')}</Typography.Paragraph>
      <div className="poster-grid">
        <Card title={<h2 className="console-card-title">{t('download')}</h2>}>
          <Preview poster={poster.data} t={t} />
          <div className="poster-downloads">
            <Button type="primary" size="large" href={poster.data.pdf.href} download="">
              {t('downloadPdf')}
            </Button>
            <Button size="large" href={poster.data.png.href} download="">
              {t('downloadPng')}
            </Button>
          </div>
          <Typography.Paragraph type="secondary">{t('printHint')}</Typography.Paragraph>
        </Card>
        <Card title={<h2 className="console-card-title">{t('link')}</h2>}>
          <Typography.Paragraph>{t('linkHint')}</Typography.Paragraph>
          <label htmlFor="poster-link" className="poster-label">
            {t('linkLabel')}
          </label>
          <Input
            id="poster-link"
            size="large"
            readOnly
            value={poster.data.url}
            onFocus={(event) => event.currentTarget.select()}
          />
          <CopyLinkButton text={poster.data.url} t={t} />
          <h3 className="poster-says">{t('says')}</h3>
          <ol className="poster-lines">
            {poster.data.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ol>
        </Card>
      </div>
    </section>
  );
}

/** The poster as the server draws it, at the page's width, with words while it is being drawn. */
function Preview({ poster, t }: { poster: PosterInfo; t: PosterTranslate }) {
  const [state, setState] = useState<'loading' | 'shown' | 'failed'>('loading');
  return (
    <figure className="poster-preview" aria-busy={state === 'loading'}>
      {state === 'failed' ? (
        <Alert type="warning" role="alert" title={t('previewFailed')} />
      ) : (
        <img
          key={poster.png.href}
          src={poster.png.href}
          width={poster.png.width}
          height={poster.png.height}
          alt={t('previewAlt', { village: poster.village.name })}
          onLoad={() => setState('shown')}
          onError={() => setState('failed')}
        />
      )}
      {state === 'loading' ? <Loading label={t('previewLoading')} /> : null}
    </figure>
  );
}

/** For staff with more than one village: which village's poster. */
function VillagePicker({ current, t }: { current: string; t: PosterTranslate }) {
  const villages = useVillages();
  const navigate = useNavigate();
  const list = villages.data?.villages ?? [];
  if (list.length < 2) return null;
  return (
    <Select
      aria-label={t('village')}
      size="large"
      className="poster-picker"
      value={current}
      options={list.map((v) => ({ value: v.code, label: `${v.name}（${v.township?.name ?? v.code}）` }))}
      onChange={(code: string) => void navigate({ to: posterPath(code) })}
    />
  );
}
