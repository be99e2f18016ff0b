import { useConfig, useNavigate, useStoreList, useT } from '@cunmen/sdk';
import { Tile } from '@cunmen/ui';
import type { Config } from '../config.js';
import { messages } from '../i18n.js';
import { OWNERS, OWNERS_PAGE, type Owner } from '../owners.js';

/** Home tile: how many machines are available now. */
export function FindMachineryTile() {
  const config = useConfig<Config>();
  const t = useT(messages);
  const navigate = useNavigate();
  const { items, loading, error, hasMore } = useStoreList<Owner>(OWNERS, { limit: OWNERS_PAGE });
  const count = items.filter((doc) => doc.data.available).length;
  return (
    <Tile
      icon="tractor"
      title={config.heading}
      subtitle={loading || error ? undefined : t('tileSubtitle', { n: hasMore ? `${count}+` : count })}
      onClick={() => navigate('/find-machinery')}
    />
  );
}
