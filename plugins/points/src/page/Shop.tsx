/** The village's points shop: what each thing costs and how many are left; redeemed at the counter. */
import { useModuleQuery, useNavigate, useT } from '@cunmen/sdk';
import { ErrorState, List, ListItem, LoadingState, Page } from '@cunmen/ui';
import { messages } from '../i18n.js';
import { type GoodsAnswer, ROUTE } from './shared.js';

export function Shop() {
  const t = useT(messages);
  const navigate = useNavigate();
  const goods = useModuleQuery<GoodsAnswer>('/goods');
  const items = goods.data?.items.filter((g) => g.active) ?? [];
  return (
    <Page title={t('shop.title')} onBack={() => navigate(ROUTE)}>
      <p style={{ marginTop: 0 }}>{t('shop.counter')}</p>
      {goods.error && !goods.data ? (
        <ErrorState message={goods.error.message} onRetry={() => void goods.reload()} />
      ) : !goods.data ? (
        <LoadingState />
      ) : (
        <List label={t('shop.title')}>
          {items.length === 0 ? (
            <ListItem title={t('shop.empty')} />
          ) : (
            items.map((g) => (
              <ListItem
                key={g.id}
                title={g.name}
                description={g.stock > 0 ? t('shop.stock', { n: g.stock }) : t('shop.soldOut')}
                trailing={t('shop.price', { n: g.price })}
              />
            ))
          )}
        </List>
      )}
    </Page>
  );
}
