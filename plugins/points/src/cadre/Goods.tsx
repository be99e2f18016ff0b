/** The shop's goods: add, restock, withdraw; prices in points. */
import { useModuleMutation, useModuleQuery, useT } from '@cunmen/sdk';
import { Button, List, ListItem, NumberField, TextField } from '@cunmen/ui';
import { useState } from 'react';
import type { GoodsAnswer } from '../page/shared.js';
import { messages } from './i18n.js';

export function Goods() {
  const t = useT(messages);
  const goods = useModuleQuery<GoodsAnswer>('/goods');
  const { request, pending, error } = useModuleMutation();
  const [name, setName] = useState('');
  const [price, setPrice] = useState<number | null>(null);
  const [stock, setStock] = useState<number | null>(null);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <List label={t('tabs.shop')}>
        {(goods.data?.items ?? []).map((g) => (
          <ListItem
            key={g.id}
            title={t('shop.item', { name: g.name, price: g.price, stock: g.stock })}
            trailing={
              <span style={{ display: 'flex', gap: 8 }}>
                <Button
                  variant="secondary"
                  disabled={pending}
                  onClick={() => void request('PUT', `/goods/${g.id}`, { stock: g.stock + 10 })}
                >
                  {t('shop.restock')}
                </Button>
                <Button
                  variant="secondary"
                  disabled={pending}
                  onClick={() => void request('PUT', `/goods/${g.id}`, { active: !g.active })}
                >
                  {g.active ? t('shop.off') : t('shop.on')}
                </Button>
              </span>
            }
          />
        ))}
      </List>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'flex-end' }}>
        <TextField label={t('shop.name')} value={name} onValueChange={setName} />
        <NumberField label={t('shop.price')} min={1} value={price} onValueChange={setPrice} />
        <NumberField label={t('shop.stock')} min={0} value={stock} onValueChange={setStock} />
        <Button
          disabled={pending || !name.trim() || !price}
          onClick={() => void request('POST', '/goods', { name: name.trim(), price, stock: stock ?? 0 })}
        >
          {t('shop.add')}
        </Button>
      </div>
      {error ? <p role="alert">{error.message}</p> : null}
    </div>
  );
}
