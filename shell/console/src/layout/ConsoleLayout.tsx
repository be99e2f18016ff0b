/**
 * The console's frame. Desktop: a header (name, who is signed in, 长辈版, sign-out), a sidebar of the
 * console's sections and the screen. Phone: a header with a menu button (a drawer holds the sections,
 * 长辈版 and sign-out) and a bottom bar of the three sections, every target large enough for a thumb.
 */
import { ElderlyModeSwitch } from '@cunmen/ui';
import { Link, useRouterState } from '@tanstack/react-router';
import { Button, Drawer, Layout, Menu } from 'antd';
import { type ReactNode, useState } from 'react';
import { useApi } from '../api/client.js';
import { type Session, signOut, useSetSession } from '../api/session.js';
import { composerHome } from '../composer/paths.js';
import { useT } from '../i18n/index.js';
import { usePosterT } from '../poster/messages.js';
import { isPosterPath, usePosterHome } from '../poster/nav.js';
import { useElderly, useElderlyMode } from './elderly.js';
import { useIsPhone } from './useIsPhone.js';

/** Where "村务管理" leads: a village account's own village, else the home page's list of villages. */
export function cadreHome(division: string): string {
  return /^\d{12}$/.test(division) ? `/v/${division}/cadre` : '/';
}

function sectionOf(pathname: string): 'home' | 'catalog' | 'cadre' | 'portal' | 'poster' {
  if (pathname.startsWith('/catalog')) return 'catalog';
  if (/^\/v\/\d{12}\/portal/.test(pathname)) return 'portal';
  if (isPosterPath(pathname)) return 'poster';
  if (/^\/v\/\d{12}\/cadre/.test(pathname)) return 'cadre';
  return 'home';
}

export function ConsoleLayout({ session, children }: { session: Session; children: ReactNode }) {
  const t = useT();
  const api = useApi();
  const setSession = useSetSession();
  const phone = useIsPhone();
  const elderly = useElderly();
  const elderlyMode = useElderlyMode();
  const [drawer, setDrawer] = useState(false);
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const current = sectionOf(pathname);
  const posterT = usePosterT();
  const posterHome = usePosterHome(session.user.division);
  const sections = [
    { key: 'home', to: '/', label: t('app.home') },
    { key: 'catalog', to: '/catalog', label: t('app.catalog') },
    { key: 'cadre', to: cadreHome(session.user.division), label: t('app.cadre') },
    { key: 'portal', to: composerHome(session.user.division), label: t('app.portal') },
    { key: 'poster', to: posterHome, label: posterT('nav') },
  ] as const;
  const out = async () => {
    await signOut(api, session.csrfToken);
    setSession(null);
  };
  const who = (
    <span className="console-who">{t('account.signedInAs', { name: session.user.displayName })}</span>
  );
  const menu = (
    <Menu
      mode="inline"
      selectedKeys={[current]}
      onClick={() => setDrawer(false)}
      items={sections.map((s) => ({ key: s.key, label: <Link to={s.to}>{s.label}</Link> }))}
    />
  );
  const elderlySwitch = <ElderlyModeSwitch checked={elderly} onChange={(v) => elderlyMode.set(v)} />;

  return (
    <Layout className={`console-layout${phone ? ' console-layout--phone' : ''}`}>
      <a className="console-skip" href="#console-main">
        {t('app.skip')}
      </a>
      <Layout.Header className="console-header">
        <Link to="/" className="console-header__name">
          {t('app.name')}
        </Link>
        {phone ? (
          <Button className="console-header__menu" onClick={() => setDrawer(true)} aria-expanded={drawer}>
            {t('app.menu')}
          </Button>
        ) : (
          <div className="console-header__actions">
            {who}
            {elderlySwitch}
            <Button onClick={() => void out()}>{t('account.signOut')}</Button>
          </div>
        )}
      </Layout.Header>
      {phone ? (
        <Drawer open={drawer} onClose={() => setDrawer(false)} title={t('app.name')} placement="left">
          <p>{who}</p>
          {menu}
          <div className="console-drawer__tools">
            {elderlySwitch}
            <Button block onClick={() => void out()}>
              {t('account.signOut')}
            </Button>
          </div>
        </Drawer>
      ) : null}
      <Layout>
        {phone ? null : (
          <Layout.Sider width={220} className="console-sider" theme="light">
            <nav aria-label={t('app.name')}>{menu}</nav>
          </Layout.Sider>
        )}
        <Layout.Content id="console-main" className="console-main" tabIndex={-1}>
          {children}
        </Layout.Content>
      </Layout>
      {phone ? (
        <nav className="console-bottom" aria-label={t('app.name')}>
          {sections.map((s) => (
            <Link
              key={s.key}
              to={s.to}
              className="console-bottom__link"
              aria-current={current === s.key ? 'page' : undefined}
            >
              {s.label}
            </Link>
          ))}
        </nav>
      ) : null}
    </Layout>
  );
}
