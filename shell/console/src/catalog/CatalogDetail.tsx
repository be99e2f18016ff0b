/**
 * One service of the catalog: what it is and who built it, screenshots, whether it works with this
 * platform (and why not), what data it reads and writes in plain words, what a resident's phone
 * downloads, how many counties and villages use it, the current version's changes and every version.
 */
import { Link, useParams } from '@tanstack/react-router';
import { Alert, Card, Descriptions, Table, Tag, Typography } from 'antd';
import { ApiError, problemText } from '../api/client.js';
import { describeAccess, notGranted } from '../i18n/capabilities.js';
import { useLocale, useT } from '../i18n/index.js';
import { Loading } from '../layout/Loading.js';
import { PageHeading } from '../layout/PageHeading.js';
import { useCatalogDetail } from './api.js';
import { CompatBadge, compatReasons } from './CompatBadge.js';
import { checkCompatibility } from './compatibility.js';
import { formatDay, formatKb } from './search.js';
import type { CatalogVersion, CatalogDetail as Detail } from './types.js';

export function CatalogDetail() {
  const t = useT();
  const { scope, name } = useParams({ from: '/catalog/$scope/$name' });
  const detail = useCatalogDetail(`${scope}/${name}`);
  const crumbs = [
    { label: t('app.home'), to: '/' },
    { label: t('catalog.title'), to: '/catalog' },
  ];
  if (detail.isPending) {
    return <Loading label={t('app.loading')} />;
  }
  if (detail.isError) {
    const missing = detail.error instanceof ApiError && detail.error.status === 404;
    return (
      <section className="console-page">
        <PageHeading title={missing ? t('detail.notFound') : t('catalog.title')} crumbs={crumbs} />
        <Alert type="error" role="alert" title={problemText(detail.error, t('detail.notFound'))} />
        <p>
          <Link to="/catalog" className="console-big-link console-big-link--inline">
            {t('detail.back')}
          </Link>
        </p>
      </section>
    );
  }
  return <DetailView detail={detail.data} crumbs={crumbs} />;
}

function DetailView({ detail, crumbs }: { detail: Detail; crumbs: { label: string; to: string }[] }) {
  const t = useT();
  const locale = useLocale();
  const title = detail.title['zh-CN'];
  const current = detail.versions.find((v) => v.version === detail.latest) ?? detail.versions[0];
  const compat = checkCompatibility({ sdk: current?.compatibility.sdk ?? null, shared: detail.shared });
  const reasons = compatReasons(t, compat);
  const granted = current?.capabilities.granted ?? current?.capabilities.requested ?? [];
  const access = describeAccess(granted, locale);
  const refused = describeAccess(
    current ? notGranted(current.capabilities.requested, current.capabilities.granted) : [],
    locale,
  );
  const refusedWords = [...refused.reads, ...refused.writes, ...refused.other, ...refused.unknown];
  const shots = (current?.screenshots ?? []).filter(
    (s): s is { path: string; url: string } => s.url !== null,
  );

  return (
    <section className="console-page console-detail" data-package={detail.name}>
      <PageHeading title={title} crumbs={crumbs} extra={<CompatBadge compat={compat} />} />
      <Typography.Paragraph>{detail.description['zh-CN']}</Typography.Paragraph>
      <Descriptions
        bordered
        column={1}
        size="middle"
        items={[
          {
            key: 'from',
            label: t('catalog.county'),
            children: detail.standard ? t('catalog.standard') : (detail.countyName ?? detail.county ?? ''),
          },
          {
            key: 'category',
            label: t('catalog.category'),
            children: detail.category ? t(`category.${detail.category}` as 'category.other') : '',
          },
          {
            key: 'version',
            label: t('detail.versionCol'),
            children: detail.latest ? t('detail.version', { version: detail.latest }) : t('detail.noVersion'),
          },
          {
            key: 'size',
            label: t('detail.size'),
            children:
              current?.size.totalGzip != null
                ? t('detail.sizeValue', { kb: formatKb(current.size.totalGzip) })
                : '',
          },
          {
            key: 'usage',
            label: t('detail.usage'),
            children:
              detail.reuse.villages === 0
                ? t('catalog.unused')
                : t('catalog.reuse', { counties: detail.reuse.counties, villages: detail.reuse.villages }),
          },
          {
            key: 'compat',
            label: t('detail.compatibility'),
            children: (
              <>
                <CompatBadge compat={compat} />
                {reasons.length > 0 ? (
                  <ul className="console-detail__reasons">
                    {reasons.map((r) => (
                      <li key={r}>{r}</li>
                    ))}
                  </ul>
                ) : null}
              </>
            ),
          },
        ]}
      />
      <Card
        className="console-card"
        title={<h2 className="console-card-title">{t('detail.screenshots')}</h2>}
      >
        {shots.length === 0 ? (
          <Typography.Paragraph>{t('detail.noScreenshots')}</Typography.Paragraph>
        ) : (
          <div className="console-detail__shots">
            {shots.map((s, i) => (
              <img
                key={s.path}
                src={s.url}
                alt={t('detail.screenshot', { title, n: i + 1 })}
                loading="lazy"
              />
            ))}
          </div>
        )}
      </Card>
      <Card className="console-card" title={<h2 className="console-card-title">{t('detail.access')}</h2>}>
        {granted.length === 0 ? (
          <Typography.Paragraph>{t('detail.nothing')}</Typography.Paragraph>
        ) : (
          <dl className="console-detail__access">
            {(['reads', 'writes', 'other'] as const).map((kind) =>
              access[kind].length > 0 ? (
                <div key={kind}>
                  <dt>{t(`detail.${kind}`)}</dt>
                  {access[kind].map((line) => (
                    <dd key={line}>{line}</dd>
                  ))}
                </div>
              ) : null,
            )}
            {access.unknown.length > 0 ? (
              <div>
                <dt>{t('detail.other')}</dt>
                <dd>{access.unknown.join('、')}</dd>
              </div>
            ) : null}
          </dl>
        )}
        {refusedWords.length > 0 ? (
          <Typography.Paragraph>
            {t('detail.notGranted', { list: refusedWords.join('；') })}
          </Typography.Paragraph>
        ) : null}
      </Card>
      <Card className="console-card" title={<h2 className="console-card-title">{t('detail.changelog')}</h2>}>
        {current?.changelog ? (
          <Typography.Paragraph className="console-detail__changelog">
            {current.changelog}
          </Typography.Paragraph>
        ) : (
          <>
            <Typography.Paragraph>{t('detail.noChangelog')}</Typography.Paragraph>
            <Typography.Paragraph>{current?.description['zh-CN']}</Typography.Paragraph>
          </>
        )}
      </Card>
      <Card className="console-card" title={<h2 className="console-card-title">{t('detail.history')}</h2>}>
        <Table<CatalogVersion>
          rowKey="version"
          pagination={false}
          scroll={{ x: true }}
          dataSource={detail.versions}
          columns={[
            { key: 'version', title: t('detail.versionCol'), dataIndex: 'version' },
            { key: 'approved', title: t('detail.approvedCol'), render: (_, v) => formatDay(v.reviewedAt) },
            { key: 'used', title: t('detail.usedCol'), render: (_, v) => v.reuse.villages },
            { key: 'state', title: t('detail.stateCol'), render: (_, v) => <VersionState version={v} /> },
            {
              key: 'compat',
              title: t('detail.compatibility'),
              render: (_, v) => (
                <CompatBadge compat={checkCompatibility({ sdk: v.compatibility.sdk, shared: v.shared })} />
              ),
            },
          ]}
        />
      </Card>
      <p>
        <Link to="/catalog" className="console-big-link console-big-link--inline">
          {t('detail.back')}
        </Link>
      </p>
    </section>
  );
}

function VersionState({ version }: { version: CatalogVersion }) {
  const t = useT();
  if (version.yanked) return <span>{t('detail.yanked', { reason: version.yankReason ?? '' })}</span>;
  if (version.deprecated) return <Tag>{t('detail.deprecated')}</Tag>;
  return <span>{version.latest ? t('detail.current') : t('detail.approved')}</span>;
}
