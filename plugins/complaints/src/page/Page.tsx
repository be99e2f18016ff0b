/** The resident page (route `complaints`): home, submit flow, my cases, one case, the public board. */
import { type PageProps, useConfig, useModuleQuery, useNavigate, useT, useUser } from '@cunmen/sdk';
import { Button, Icon, Page } from '@cunmen/ui';
import type { Config } from '../config.js';
import { messages } from '../i18n.js';
import { Board } from './Board.js';
import { CaseView } from './CaseView.js';
import { MyCases } from './MyCases.js';
import { SubmitFlow } from './SubmitFlow.js';
import { ROUTE, stack } from './shared.js';

function Home() {
  const t = useT(messages);
  const config = useConfig<Partial<Config>>();
  const navigate = useNavigate();
  const user = useUser();
  const resident = user?.role === 'resident';
  const mine = useModuleQuery<{ open: number }>(resident ? '/cases/mine' : null);
  return (
    <Page title={config.heading || t('title')}>
      <div style={stack}>
        {resident ? (
          <>
            <Button block onClick={() => navigate(`${ROUTE}/new`)}>
              <Icon name="megaphone" />
              {t('home.submit')}
            </Button>
            <p className="cm-field__hint" style={{ margin: 0 }}>
              {t('home.submitHint')}
            </p>
            <Button block variant="secondary" onClick={() => navigate(`${ROUTE}/mine`)}>
              {mine.data && mine.data.open > 0 ? t('home.mineOpen', { n: mine.data.open }) : t('home.mine')}
            </Button>
          </>
        ) : (
          <p role="note" style={{ margin: 0 }}>
            {t('home.signIn')}
          </p>
        )}
        <Button block variant="secondary" onClick={() => navigate(`${ROUTE}/board`)}>
          {t('home.board')}
        </Button>
        <p style={{ margin: 0 }}>{t('home.emergency')}</p>
        {config.hotline ? (
          <a href={`tel:${config.hotline}`} className="cm-button cm-button--secondary cm-button--block">
            {t('home.hotline', { phone: config.hotline })}
          </a>
        ) : null}
      </div>
    </Page>
  );
}

function SignIn() {
  const t = useT(messages);
  const navigate = useNavigate();
  return (
    <Page title={t('signInFirst')} onBack={() => navigate(ROUTE)}>
      <p style={{ margin: 0 }}>{t('home.signIn')}</p>
    </Page>
  );
}

export function ComplaintsPage({ path }: PageProps) {
  const user = useUser();
  const resident = user?.role === 'resident';
  const p = path.replace(/\/+$/, '') || '/';
  if (p === '/board') return <Board />;
  if (p === '/new') return resident ? <SubmitFlow /> : <SignIn />;
  if (p === '/mine') return resident ? <MyCases /> : <SignIn />;
  const m = /^\/case\/([0-9a-f-]{36})$/.exec(p);
  if (m?.[1]) return resident ? <CaseView id={m[1]} /> : <SignIn />;
  return <Home />;
}
