/**
 * The merchant's counter: the household number (typed, or read from the household's QR code by the
 * phone's scanner into the same field), what the household may spend, the goods and the quantity. The
 * server refuses beyond balance or stock; the page shows its Chinese message as it comes.
 */
import { useModuleMutation, useModuleQuery, useT } from '@cunmen/sdk';
import { Button, NumberField, Page, Select, TextField } from '@cunmen/ui';
import { useState } from 'react';
import type { Balance } from '../common/model.js';
import { messages } from '../i18n.js';
import { type GoodsAnswer, stack } from './shared.js';

interface CounterAnswer {
  code: string;
  name: string;
  balance: Balance;
}

export function Counter() {
  const t = useT(messages);
  const goods = useModuleQuery<GoodsAnswer>('/goods');
  const { request, pending, error, clearError } = useModuleMutation();
  const [code, setCode] = useState('');
  const [found, setFound] = useState<CounterAnswer | null>(null);
  const [item, setItem] = useState('');
  const [quantity, setQuantity] = useState<number | null>(1);
  const [done, setDone] = useState<string | null>(null);

  async function lookUp() {
    setDone(null);
    setFound((await request<CounterAnswer>('GET', `/counter/${encodeURIComponent(code.trim())}`)) ?? null);
  }

  async function redeem() {
    if (!found) return;
    const sold = await request<{ points: number; redeemable: number }>('POST', '/redeem', {
      household: found.code,
      goods: item,
      quantity: quantity ?? 1,
    });
    if (!sold) return;
    setDone(t('counter.done', { n: -sold.points, left: sold.redeemable }));
    setFound({ ...found, balance: { ...found.balance, redeemable: sold.redeemable } });
  }

  const options = (goods.data?.items ?? [])
    .filter((g) => g.active && g.stock > 0)
    .map((g) => ({
      value: g.id,
      label: `${g.name}（${t('shop.price', { n: g.price })}，${t('shop.stock', { n: g.stock })}）`,
    }));
  return (
    <Page title={t('counter.title')}>
      <div style={stack}>
        <TextField
          label={t('counter.household')}
          value={code}
          onValueChange={(v) => {
            setCode(v);
            setFound(null);
            clearError();
          }}
        />
        <Button block variant="secondary" disabled={!code.trim() || pending} onClick={() => void lookUp()}>
          {t('counter.lookUp')}
        </Button>
        {found ? (
          <>
            <p role="status" style={{ margin: 0 }} data-testid="counter-balance">
              {t('counter.redeemable', { name: found.name, n: found.balance.redeemable })}
            </p>
            <Select label={t('counter.goods')} options={options} value={item} onValueChange={setItem} />
            <NumberField
              label={t('counter.quantity')}
              min={1}
              max={100}
              value={quantity}
              onValueChange={setQuantity}
              stepper
            />
            <Button block disabled={!item || pending} loading={pending} onClick={() => void redeem()}>
              {t('counter.redeem')}
            </Button>
          </>
        ) : null}
        {done ? <p role="status">{done}</p> : null}
        {error ? <p role="alert">{error.message}</p> : null}
      </div>
    </Page>
  );
}
