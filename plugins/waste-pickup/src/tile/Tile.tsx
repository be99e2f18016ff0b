import { useConfig, useNavigate, useStoreList, useT } from '@cunmen/sdk';
import { Tile } from '@cunmen/ui';
import type { Config } from '../config.js';
import { messages } from '../i18n.js';

export function WastePickupTile() {
  const config = useConfig<Config>();
  const t = useT(messages);
  const navigate = useNavigate();
  const { items, loading } = useStoreList<{ text: string }>('entries', { limit: 50 });
  return (
    <Tile
      title={config.heading}
      subtitle={loading ? undefined : t('tileSubtitle', { count: items.length })}
      onClick={() => navigate('waste-pickup')}
    />
  );
}
