/**
 * The resident portal: header (village name, 长辈版 switch), the home grid of `village.home.tile/v1`
 * tiles, `village.page/v1` pages at `/p/<route>`, and a bottom nav of `village.nav/v1` entries.
 */
import type { PortalSnapshot } from '@cunmen/manifest';
import { createEventHub, type ElderlyMode, type Host, type Locale } from '@cunmen/sdk';
import { ElderlyModeSwitch, ThemeProvider, TileGrid } from '@cunmen/ui';
import { lazy, type ReactNode, Suspense, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { PageCredentials } from '../account/credentials.js';
import type { PortalFederation } from '../federation/instance.js';
import { I18nContext, shellTranslate, useShellT } from '../i18n/index.js';
import { BottomNav } from './BottomNav.js';
import { createWidgetHost } from './host.js';
import { loaderFor } from './loaders.js';
import { hrefFor, linkHandler, navigateTo, parseRoute, usePathname } from './router.js';
import { layoutOf, type PageEntry, type SlotEntry } from './slots.js';
import { WidgetSlot } from './WidgetSlot.js';

export interface PortalProps {
  snapshot: PortalSnapshot;
  /** The portal's base path, `/v/<village code>`. */
  base: string;
  locale: Locale;
  elderly: ElderlyMode;
  /** Loads widgets through the trust gate (refused ones answer `refused`). */
  federation: PortalFederation;
  /** For tests: the fetch the host API uses. */
  fetch?: typeof fetch;
  /** This page load's widget credentials (from boot); each host gets only its own widget's. */
  credentials?: PageCredentials;
}

// Its own chunk: a resident opening the home page does not download it. (The cadre console is the
// staff console's, on its own origin: shell/console.)
const SignInPage = lazy(() => import('../account/SignInPage.js'));

function useElderly(mode: ElderlyMode): boolean {
  return useSyncExternalStore(mode.subscribe, mode.get, mode.get);
}

export function Portal(props: PortalProps) {
  const { snapshot, base, locale, elderly: elderlyMode, federation } = props;
  const elderly = useElderly(elderlyMode);
  const pathname = usePathname();
  const route = parseRoute(pathname, base);
  const t = useMemo(() => shellTranslate(locale), [locale]);
  const i18n = useMemo(() => ({ locale, t }), [locale, t]);
  const layout = useMemo(() => layoutOf(snapshot, locale), [snapshot, locale]);
  const hub = useMemo(() => createEventHub(), []);

  useEffect(
    () => elderlyMode.subscribe(() => hub.emit('elderly.changed', { elderly: elderlyMode.get() })),
    [elderlyMode, hub],
  );

  const hosts = useMemo(() => {
    const navigate = (to: string) => {
      navigateTo(hrefFor(base, to));
      hub.emit('navigation', { to });
    };
    const map = new Map<string, Host>();
    // A refused widget's host is never handed to any code: its slot shows the fallback.
    for (const widget of snapshot.widgets) {
      map.set(
        widget.name,
        createWidgetHost(
          {
            snapshot,
            locale,
            elderly: elderlyMode,
            hub,
            navigate,
            fetch: props.fetch,
            ...(props.credentials ? { credentials: props.credentials } : {}),
          },
          widget,
        ),
      );
    }
    return map;
  }, [snapshot, locale, elderlyMode, hub, base, props.fetch, props.credentials]);

  const page = route.kind === 'page' ? layout.pages.get(route.route) : undefined;
  useEffect(() => {
    const name = snapshot.village.name;
    document.title = page ? `${page.title} · ${name}` : t('portal.portalOf', { village: name });
  }, [page, snapshot.village.name, t]);

  const slotFor = (entry: SlotEntry, slot: 'village.home.tile/v1' | 'village.page/v1', path?: string) => (
    <WidgetSlot
      key={entry.key}
      widget={entry.widget.name}
      title={entry.title}
      slot={slot}
      load={loaderFor(federation, entry.widget, entry.expose)}
      host={hosts.get(entry.widget.name) ?? null}
      path={path}
    />
  );

  return (
    <I18nContext.Provider value={i18n}>
      <ThemeProvider
        elderly={elderly}
        onElderlyChange={(v) => elderlyMode.set(v)}
        locale={locale}
        accent={snapshot.theme.primary}
        className="shell"
      >
        <a className="shell-skip" href="#shell-main">
          {t('portal.skip')}
        </a>
        <header className="shell-header">
          {route.kind === 'home' ? (
            <h1 className="shell-header__title">
              <VillageName name={snapshot.village.name} />
            </h1>
          ) : (
            <a
              className="shell-header__title"
              href={hrefFor(base, '/')}
              onClick={linkHandler(hrefFor(base, '/'))}
            >
              <VillageName name={snapshot.village.name} />
            </a>
          )}
          <div className="shell-header__actions">
            {route.kind === 'signin' ? null : (
              <a
                className="shell-header__link"
                href={`${base}/signin`}
                onClick={linkHandler(`${base}/signin`)}
              >
                {t('account.link')}
              </a>
            )}
            <ElderlyModeSwitch checked={elderly} onChange={(v) => elderlyMode.set(v)} />
          </div>
        </header>
        <main id="shell-main" className="shell-main" tabIndex={-1}>
          {route.kind === 'home' ? (
            <Home
              tiles={layout.tiles}
              banner={snapshot.theme.banner}
              render={(entry) => slotFor(entry, 'village.home.tile/v1')}
            />
          ) : page && route.kind === 'page' ? (
            <PageView page={page} render={(entry) => slotFor(entry, 'village.page/v1', route.path)} />
          ) : route.kind === 'signin' ? (
            <Suspense fallback={null}>
              <SignInPage base={base} fetch={props.fetch} />
            </Suspense>
          ) : (
            <NotFound base={base} />
          )}
        </main>
        <BottomNav base={base} entries={layout.nav} current={route.kind === 'page' ? route.route : null} />
      </ThemeProvider>
    </I18nContext.Provider>
  );
}

/** A long village name stops after two lines; the full name is the tooltip and stays in the DOM. */
function VillageName({ name }: { name: string }) {
  return (
    <span className="shell-header__name" title={name}>
      {name}
    </span>
  );
}

function Home({
  tiles,
  banner,
  render,
}: {
  tiles: SlotEntry[];
  banner: string | undefined;
  render: (entry: SlotEntry) => ReactNode;
}) {
  const t = useShellT();
  return (
    <section className="shell-home" aria-labelledby="shell-services">
      {banner ? (
        // The village's photo (960 × 320 WebP, ~30 KB): decorative, so the services load first.
        <img
          className="shell-banner"
          src={`/media/banners/${banner}`}
          alt=""
          width={960}
          height={320}
          decoding="async"
          fetchPriority="low"
        />
      ) : null}
      <h2 id="shell-services" className="shell-section-title">
        {t('portal.services')}
      </h2>
      <TileGrid label={t('portal.services')}>{tiles.map((entry) => render(entry))}</TileGrid>
    </section>
  );
}

function PageView({ page, render }: { page: PageEntry; render: (entry: PageEntry) => ReactNode }) {
  return <div className="shell-page">{render(page)}</div>;
}

function NotFound({ base }: { base: string }) {
  const t = useShellT();
  const home = hrefFor(base, '/');
  return (
    <section className="shell-notfound">
      <h1>{t('page.notFound')}</h1>
      <a href={home} onClick={linkHandler(home)}>
        {t('page.backHome')}
      </a>
    </section>
  );
}
