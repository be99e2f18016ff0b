/**
 * A village's cadre pages at `/v/<village>/cadre[/<page>[/rest]]` (moved here from the resident app):
 * the `cadre.page/v1` pages its portal places — standard modules' back offices and widgets' admin
 * pages — each loaded at run time through the same trust gate, error boundary and fallback as a
 * resident tile. Their hosts mint credentials on this origin, bound to the signed-in staff account;
 * what each may do is decided by the server (role and division code), never by this page.
 */
import { isWithinDivision, type PortalSnapshot, portalSnapshotSchema } from '@cunmen/manifest';
import { createEventHub, type Host } from '@cunmen/sdk';
import { cadrePagesOf, createWidgetHost, loaderFor, WidgetSlot } from '@cunmen/shell-web/widget-runtime';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { Alert, Typography } from 'antd';
import { useMemo } from 'react';
import { type Api, ApiError, problemText, useApi } from '../api/client.js';
import { type Session, useSession } from '../api/session.js';
import { useLocale, useT } from '../i18n/index.js';
import { useElderlyMode } from '../layout/elderly.js';
import { Loading } from '../layout/Loading.js';
import { PageHeading } from '../layout/PageHeading.js';
import { cadreHref, splitCadrePath } from './paths.js';
import { useCadreRuntime } from './runtime.js';

async function fetchSnapshot(api: Api, village: string): Promise<PortalSnapshot> {
  const body = await api<unknown>(`/api/portals/${encodeURIComponent(village)}/snapshot`);
  const parsed = portalSnapshotSchema.safeParse(body);
  if (!parsed.success) throw new ApiError(500, 'SHELL_ERR_SNAPSHOT_INVALID', '门户数据无效，请稍后重试');
  return parsed.data;
}

export function useConsoleConfig() {
  const api = useApi();
  return useQuery({
    queryKey: ['config'],
    queryFn: () => api<{ residentUrl: string | null }>('/api/console/v1/config'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function CadreArea() {
  const t = useT();
  const api = useApi();
  const params = useParams({ strict: false }) as { village?: string; _splat?: string };
  const village = params.village ?? '';
  const session = useSession().data;
  // One snapshot per visit: the widgets registered with the page's one MF instance are its widgets.
  const snapshot = useQuery({
    queryKey: ['snapshot', village],
    queryFn: () => fetchSnapshot(api, village),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  if (!session) return null;
  if (snapshot.isPending) {
    return <Loading label={t('app.loading')} />;
  }
  if (snapshot.isError) {
    const noPortal = snapshot.error instanceof ApiError && snapshot.error.code === 'SHELL_ERR_NO_PORTAL';
    return (
      <section className="console-page">
        <PageHeading title={t('cadre.title')} crumbs={[{ label: t('app.home'), to: '/' }]} />
        <Alert
          type={noPortal ? 'info' : 'error'}
          role="alert"
          title={
            noPortal ? t('cadre.noPortal') : problemText(snapshot.error, t('app.failed', { message: '' }))
          }
        />
      </section>
    );
  }
  return <CadrePages snapshot={snapshot.data} session={session} splat={params._splat} />;
}

function CadrePages({
  snapshot,
  session,
  splat,
}: {
  snapshot: PortalSnapshot;
  session: Session;
  splat?: string;
}) {
  const t = useT();
  const locale = useLocale();
  const elderly = useElderlyMode();
  const runtime = useCadreRuntime();
  const navigate = useNavigate();
  const config = useConsoleConfig();
  const code = snapshot.village.code;
  const pages = useMemo(() => cadrePagesOf(snapshot, locale), [snapshot, locale]);
  const { user } = session;
  const refusal = isWithinDivision(user.division, code)
    ? null
    : t('cadre.otherVillage', { village: snapshot.village.name });
  const federation = refusal ? null : runtime.federationFor(snapshot);

  // Hosts are made per signed-in account, so every credential they mint is bound to it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new account gets new hosts.
  const hosts = useMemo(() => {
    const map = new Map<string, Host>();
    const hub = createEventHub();
    const go = (to: string) => void navigate({ to: cadreHref(code, to) as '/' });
    for (const widget of snapshot.widgets) {
      map.set(
        widget.name,
        createWidgetHost({ snapshot, locale, elderly, hub, navigate: go, fetch: runtime.fetch }, widget),
      );
    }
    return map;
  }, [snapshot, locale, elderly, code, navigate, runtime.fetch, user.name]);

  const where = splitCadrePath(splat);
  const current =
    'invalid' in where
      ? undefined
      : where.page
        ? pages.find((p) => p.route === where.page)
        : pages.length === 1
          ? pages[0]
          : undefined;
  const residentUrl = config.data?.residentUrl;

  return (
    <section className="console-page console-cadre">
      <PageHeading
        title={`${t('cadre.title')} · ${snapshot.village.name}`}
        crumbs={[{ label: t('app.home'), to: '/' }]}
      />
      {refusal ? (
        <Alert type="error" role="alert" title={refusal} />
      ) : pages.length === 0 ? (
        <Typography.Paragraph>{t('cadre.none')}</Typography.Paragraph>
      ) : (
        <>
          <nav aria-label={t('cadre.pages')}>
            <ul className="console-cadre__pages">
              {pages.map((p) => (
                <li key={p.key}>
                  <Link
                    to={cadreHref(code, p.route) as '/'}
                    className="console-chip"
                    aria-current={current?.route === p.route ? 'page' : undefined}
                  >
                    {p.title}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {current && federation ? (
            <div className="shell-page console-cadre__page">
              <WidgetSlot
                key={`${current.key}@${user.name}`}
                widget={current.widget.name}
                title={current.title}
                slot="cadre.page/v1"
                load={loaderFor(federation, current.widget, current.expose)}
                host={hosts.get(current.widget.name) ?? null}
                path={'invalid' in where ? '/' : where.path}
              />
            </div>
          ) : (
            <Typography.Paragraph>{t('cadre.choose')}</Typography.Paragraph>
          )}
        </>
      )}
      {residentUrl ? (
        <p>
          <a
            className="console-big-link console-big-link--inline"
            href={`${residentUrl.replace(/\/+$/, '')}/v/${code}/`}
          >
            {t('cadre.backPortal')}
          </a>
        </p>
      ) : null}
    </section>
  );
}
