/**
 * A village's cadre pages at `/v/<village>/cadre[/<page>[/rest]]` (moved here from the resident app):
 * the `cadre.page/v1` pages its portal places — standard modules' back offices and widgets' admin
 * pages — each loaded at run time through the same trust gate, error boundary and fallback as a
 * resident tile. Their hosts mint credentials on this origin, bound to the signed-in staff account;
 * what each may do is decided by the server (role and division code), never by this page.
 *
 * Only the standard modules and the county widgets the province trusts run in this page's realm
 * (realm.ts); any other county widget's page runs in the sandboxed cadre frame (CadreFrame.tsx) and
 * reaches the host API only through this page, with its own widget's credential.
 */
import { isWithinDivision, type PortalSnapshot, portalSnapshotSchema } from '@cunmen/manifest';
import { createEventHub, type Host } from '@cunmen/sdk';
import { cadrePagesOf, createWidgetHost, loaderFor, WidgetSlot } from '@cunmen/shell-web/widget-runtime';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { Alert, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import { type Api, ApiError, problemText, useApi } from '../api/client.js';
import { type Session, useSession } from '../api/session.js';
import { useLocale, useT } from '../i18n/index.js';
import { useElderlyMode } from '../layout/elderly.js';
import { Loading } from '../layout/Loading.js';
import { PageHeading } from '../layout/PageHeading.js';
import { CadreFrame } from './CadreFrame.js';
import { cadreHref, splitCadrePath } from './paths.js';
import { consoleRealmSnapshot, runsInConsoleRealm } from './realm.js';
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
    queryFn: () =>
      api<{
        residentUrl: string | null;
        cadreFrame: { url: string | null; trustedWidgets: string[] };
      }>('/api/console/v1/config'),
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
  const trusted = config.data?.cadreFrame.trustedWidgets;
  // The console's own gate registers only the widgets allowed in its realm; none until the config says
  // which county widgets the province trusts.
  const federation =
    refusal || !trusted ? null : runtime.federationFor(consoleRealmSnapshot(snapshot, trusted));

  const goTo = useCallback(
    (to: string) => void navigate({ to: cadreHref(code, to) as '/' }),
    [navigate, code],
  );
  // Hosts are made per signed-in account, so every credential they mint is bound to it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new account gets new hosts.
  const hosts = useMemo(() => {
    const map = new Map<string, Host>();
    const hub = createEventHub();
    const go = goTo;
    for (const widget of snapshot.widgets) {
      map.set(
        widget.name,
        createWidgetHost({ snapshot, locale, elderly, hub, navigate: go, fetch: runtime.fetch }, widget),
      );
    }
    return map;
  }, [snapshot, locale, elderly, goTo, runtime.fetch, user.name]);

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
  const frameUrl = config.data?.cadreFrame.url ?? null;
  const currentHost = current ? (hosts.get(current.widget.name) ?? null) : null;
  const inRealm = current && trusted ? runsInConsoleRealm(current.widget, trusted) : false;
  const path = 'invalid' in where ? '/' : where.path;

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
          {current && federation && inRealm ? (
            <div className="shell-page console-cadre__page">
              <WidgetSlot
                key={`${current.key}@${user.name}`}
                widget={current.widget.name}
                title={current.title}
                slot="cadre.page/v1"
                load={loaderFor(federation, current.widget, current.expose)}
                host={currentHost}
                path={path}
              />
            </div>
          ) : current && federation && currentHost ? (
            frameUrl ? (
              <CadreFrame
                key={`${current.key}@${user.name}`}
                frameUrl={frameUrl}
                snapshot={snapshot}
                widget={current.widget}
                expose={current.expose}
                title={current.title}
                path={path}
                host={currentHost}
                locale={locale}
                navigate={goTo}
              />
            ) : (
              <Alert type="error" role="alert" title={t('cadre.noFrame')} />
            )
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
