/**
 * The start page: the villages this account manages (each leads to its cadre pages) and the catalog.
 * One task per card, large targets.
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Alert, Card, List, Typography } from 'antd';
import { problemText, useApi } from '../api/client.js';
import { useSession } from '../api/session.js';
import { useT } from '../i18n/index.js';
import { Loading } from '../layout/Loading.js';
import { PageHeading } from '../layout/PageHeading.js';

export interface ManagedVillage {
  code: string;
  name: string;
  township: { code: string; name: string } | null;
  county: { code: string; name: string } | null;
  portalVersion: number | null;
}

export function useVillages() {
  const api = useApi();
  return useQuery({
    queryKey: ['villages'],
    queryFn: () => api<{ villages: ManagedVillage[] }>('/api/console/v1/villages'),
    staleTime: 60_000,
  });
}

export function HomePage() {
  const t = useT();
  const session = useSession();
  const villages = useVillages();
  const name = session.data?.user.displayName ?? '';
  return (
    <section className="console-page">
      <PageHeading title={t('home.title', { name })} />
      <Card title={<h2 className="console-card-title">{t('home.villages')}</h2>}>
        {villages.isPending ? (
          <Loading label={t('app.loading')} />
        ) : villages.isError ? (
          <Alert
            type="error"
            role="alert"
            title={problemText(villages.error, t('app.failed', { message: '' }))}
          />
        ) : villages.data.villages.length === 0 ? (
          <Typography.Paragraph>{t('home.noVillages')}</Typography.Paragraph>
        ) : (
          <List
            dataSource={villages.data.villages}
            renderItem={(v) => (
              <List.Item>
                <Link
                  to="/v/$village/cadre"
                  params={{ village: v.code }}
                  className="console-big-link"
                  aria-label={t('home.open', { village: v.name })}
                >
                  <span className="console-big-link__title">{v.name}</span>
                  <span className="console-big-link__note">
                    {[v.county?.name, v.township?.name].filter(Boolean).join(' · ')} ·{' '}
                    {v.portalVersion === null
                      ? t('home.unpublished')
                      : t('home.published', { version: v.portalVersion })}
                  </span>
                </Link>
                <Link
                  to="/v/$village/portal"
                  params={{ village: v.code }}
                  className="console-big-link console-big-link--inline"
                  aria-label={t('home.compose', { village: v.name })}
                >
                  {t('app.portal')}
                </Link>
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card className="console-card" title={<h2 className="console-card-title">{t('app.catalog')}</h2>}>
        <Link to="/catalog" className="console-big-link">
          <span className="console-big-link__title">{t('app.catalog')}</span>
          <span className="console-big-link__note">{t('home.catalogHint')}</span>
        </Link>
      </Card>
    </section>
  );
}
