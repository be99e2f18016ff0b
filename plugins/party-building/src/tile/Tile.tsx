import { useNavigate, useT } from '@cunmen/sdk';
import { Tile } from '@cunmen/ui';
import { messages } from '../i18n.js';

/** Home tile: the village's party organisation — contact and pioneers for all, the member side inside. */
export function PartyTile() {
  const t = useT(messages);
  const navigate = useNavigate();
  return (
    <Tile
      icon="flag"
      title={t('tileTitle')}
      subtitle={t('tileSubtitle')}
      onClick={() => navigate('/party')}
    />
  );
}
