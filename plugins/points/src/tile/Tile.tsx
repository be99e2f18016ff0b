import { useModuleQuery, useNavigate, useT, useUser } from '@cunmen/sdk';
import { Tile } from '@cunmen/ui';
import type { Balance } from '../common/model.js';
import { messages } from '../i18n.js';

/** Home tile: a resident's points to spend; anyone else is invited to the leaderboard. */
export function PointsTile() {
  const t = useT(messages);
  const navigate = useNavigate();
  const resident = useUser()?.role === 'resident';
  const me = useModuleQuery<{ balance: Balance }>(resident ? '/me' : null);
  const subtitle = resident ? me.data && t('tilePoints', { n: me.data.balance.redeemable }) : t('tileBoard');
  return (
    <Tile
      icon="star"
      title={t('tileTitle')}
      subtitle={subtitle || undefined}
      onClick={() => navigate('/points')}
    />
  );
}
