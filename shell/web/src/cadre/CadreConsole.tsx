/**
 * The cadre console at `/v/<village>/cadre[/<route>]`: after sign-in, the `cadre.page/v1` pages the
 * village's portal places (standard modules' back offices and widgets' admin pages), each loaded at run
 * time through the same trust gate, error boundary and fallback as a resident tile. Its widgets get
 * credentials bound to the signed-in cadre; what each may do is decided by the server (role and
 * division code), never by this page. Loaded as its own chunk: residents never download it.
 */
import type { PortalSnapshot } from '@cunmen/manifest';
import { isWithinDivision } from '@cunmen/manifest/division-code';
import { createEventHub, type ElderlyMode, type Host, type Locale } from '@cunmen/sdk';
import { Button, LoadingState } from '@cunmen/ui';
import { useEffect, useMemo, useState } from 'react';
import { useConsoleT } from '../account/messages.js';
import { SignInForm } from '../account/SignInForm.js';
import { currentSession, type SessionInfo, signOut } from '../account/session.js';
import type { PortalFederation } from '../federation/instance.js';
import { createWidgetHost } from '../portal/host.js';
import { loaderFor } from '../portal/loaders.js';
import { linkHandler } from '../portal/Portal.js';
import { hrefFor, navigateTo } from '../portal/router.js';
import { cadrePagesOf } from '../portal/slots.js';
import { WidgetSlot } from '../portal/WidgetSlot.js';

const STAFF_ROLES = new Set([
  'village-cadre',
  'supervisor',
  'merchant',
  'township-staff',
  'county-admin',
  'province-maintainer',
]);

export interface CadreConsoleProps {
  snapshot: PortalSnapshot;
  base: string;
  route: string | null;
  path: string;
  locale: Locale;
  elderly: ElderlyMode;
  federation: PortalFederation;
  fetch?: typeof fetch;
}

export default function CadreConsole(props: CadreConsoleProps) {
  const { snapshot, base, route, path, locale, elderly, federation } = props;
  const t = useConsoleT();
  const [session, setSession] = useState<SessionInfo | null | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);
  const cadreBase = `${base}/cadre`;
  const pages = useMemo(() => cadrePagesOf(snapshot, locale), [snapshot, locale]);

  useEffect(() => {
    let live = true;
    currentSession(props.fetch).then(
      (s) => live && setSession(s && s.mfa === 'passed' ? s : null),
      (e: unknown) => {
        if (!live) return;
        setSession(null);
        setProblem(e instanceof Error ? e.message : t('account.failed'));
      },
    );
    return () => {
      live = false;
    };
  }, [props.fetch, t]);

  // Hosts are made per signed-in account, so every credential they mint is bound to it.
  const hosts = useMemo(() => {
    const map = new Map<string, Host>();
    if (!session) return map;
    const hub = createEventHub();
    const navigate = (to: string) => navigateTo(`${cadreBase}/${to.replace(/^\/+/, '')}`);
    for (const widget of snapshot.widgets) {
      map.set(
        widget.name,
        createWidgetHost({ snapshot, locale, elderly, hub, navigate, fetch: props.fetch }, widget),
      );
    }
    return map;
  }, [session, snapshot, locale, elderly, cadreBase, props.fetch]);

  useEffect(() => {
    document.title = `${t('cadre.title')} · ${snapshot.village.name}`;
  }, [t, snapshot.village.name]);

  if (session === undefined) return <LoadingState label={t('account.loading')} />;
  if (session === null) {
    return (
      <section className="shell-cadre" aria-labelledby="shell-cadre-title">
        <h1 id="shell-cadre-title" className="shell-section-title">
          {t('cadre.title')} · {snapshot.village.name}
        </h1>
        {problem ? <p role="alert">{problem}</p> : null}
        <SignInForm onSignedIn={setSession} fetch={props.fetch} />
      </section>
    );
  }

  const { user } = session;
  const out = async () => {
    await signOut(session.csrfToken, props.fetch);
    setSession(null);
  };
  const refusal = !STAFF_ROLES.has(user.role)
    ? t('cadre.notStaff')
    : !isWithinDivision(user.division, snapshot.village.code)
      ? t('cadre.otherVillage', { village: snapshot.village.name })
      : null;
  const current = route ? pages.find((p) => p.route === route) : pages.length === 1 ? pages[0] : undefined;

  return (
    <section className="shell-cadre" aria-labelledby="shell-cadre-title">
      <div className="shell-cadre__bar">
        <h1 id="shell-cadre-title" className="shell-section-title">
          {t('cadre.title')} · {snapshot.village.name}
        </h1>
        <p className="shell-cadre__who">{t('account.signedInAs', { name: user.displayName })}</p>
        <Button variant="secondary" onClick={() => void out()}>
          {t('account.signOut')}
        </Button>
      </div>
      {refusal ? (
        <p role="alert">{refusal}</p>
      ) : pages.length === 0 ? (
        <p>{t('cadre.none')}</p>
      ) : (
        <>
          <nav aria-label={t('cadre.pages')}>
            <ul className="shell-cadre__pages">
              {pages.map((p) => {
                const href = `${cadreBase}/${p.route}`;
                return (
                  <li key={p.key}>
                    <a
                      href={href}
                      className="shell-cadre__link"
                      aria-current={current?.route === p.route ? 'page' : undefined}
                      onClick={linkHandler(href)}
                    >
                      {p.title}
                    </a>
                  </li>
                );
              })}
            </ul>
          </nav>
          {current ? (
            <div className="shell-page">
              <WidgetSlot
                key={`${current.key}@${user.name}`}
                widget={current.widget.name}
                title={current.title}
                slot="cadre.page/v1"
                load={loaderFor(federation, current.widget, current.expose)}
                host={hosts.get(current.widget.name) ?? null}
                path={path}
              />
            </div>
          ) : (
            <p>{t('cadre.choose')}</p>
          )}
        </>
      )}
      <p>
        <a href={hrefFor(base, '/')} onClick={linkHandler(hrefFor(base, '/'))}>
          {t('cadre.backPortal')}
        </a>
      </p>
    </section>
  );
}
