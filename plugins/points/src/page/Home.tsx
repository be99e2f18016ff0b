/** The resident's household: points to spend, the score, the latest entries and claims. */
import { useModuleQuery, useNavigate, useT } from '@cunmen/sdk';
import { Button, Card, ErrorState, Icon, List, ListItem, LoadingState } from '@cunmen/ui';
import { formatTime, messages } from '../i18n.js';
import { type MeAnswer, ROUTE, signed, stack } from './shared.js';

export function Home() {
  const t = useT(messages);
  const navigate = useNavigate();
  const me = useModuleQuery<MeAnswer>('/me');
  if (me.error && !me.data) return <ErrorState message={me.error.message} onRetry={() => void me.reload()} />;
  if (!me.data) return <LoadingState />;
  const { balance, entries, claims } = me.data;
  return (
    <div style={stack}>
      <Card title={t('home.balance')} headingLevel={2}>
        <p style={{ margin: 0, fontSize: '2em', fontWeight: 700 }} data-testid="redeemable">
          {t('home.redeemable')} {balance.redeemable}
        </p>
        <p style={{ margin: 0 }}>{t('home.total', { n: balance.total })}</p>
      </Card>
      <Button block onClick={() => navigate(`${ROUTE}/claim`)}>
        <Icon name="camera" />
        {t('home.claim')}
      </Button>
      <Button block variant="secondary" onClick={() => navigate(`${ROUTE}/shop`)}>
        {t('home.shop')}
      </Button>
      <Button block variant="secondary" onClick={() => navigate(`${ROUTE}/board`)}>
        {t('home.board')}
      </Button>
      {claims.length > 0 ? (
        <List label={t('home.claims')}>
          {claims.slice(0, 10).map((c) => (
            <ListItem
              key={c.id}
              title={c.itemTitle}
              description={`${formatTime(c.createdAt)}${c.reason ? ` · ${c.reason}` : ''}`}
              trailing={t(`claimStatus.${c.status}`)}
            />
          ))}
        </List>
      ) : null}
      <List label={t('home.ledger')}>
        {entries.length === 0 ? (
          <ListItem title={t('home.noEntries')} />
        ) : (
          entries
            .slice(0, 30)
            .map((e) => (
              <ListItem
                key={e.seq}
                title={e.itemTitle ?? t(`kind.${e.kind}`)}
                description={`${t(`kind.${e.kind}`)} · ${formatTime(e.at)}`}
                trailing={signed(e.points)}
              />
            ))
        )}
      </List>
    </div>
  );
}
