/**
 * The resident page (route `points`): the household's points, a claim with a photo, the shop and the
 * leaderboard. A merchant of the village signed in to the portal gets the counter here instead; a
 * visitor sees the shop and the board.
 */
import { type PageProps, useConfig, useT, useUser } from '@cunmen/sdk';
import { Page } from '@cunmen/ui';
import type { Config } from '../config.js';
import { messages } from '../i18n.js';
import { Board } from './Board.js';
import { ClaimFlow } from './ClaimFlow.js';
import { Counter } from './Counter.js';
import { Home } from './Home.js';
import { Shop } from './Shop.js';

export function PointsPage({ path }: PageProps) {
  const t = useT(messages);
  const config = useConfig<Partial<Config>>();
  const role = useUser()?.role;
  const p = path.replace(/\/+$/, '') || '/';
  if (role === 'merchant') return <Counter />;
  if (p === '/shop') return <Shop />;
  if (p === '/board') return <Board />;
  if (role !== 'resident') {
    return (
      <>
        <Page title={config.heading || t('title')}>
          <p role="note" style={{ margin: 0 }}>
            {t('signIn')}
          </p>
        </Page>
        <Board back={false} />
      </>
    );
  }
  if (p === '/claim') return <ClaimFlow />;
  return (
    <Page title={config.heading || t('title')}>
      <Home />
    </Page>
  );
}
