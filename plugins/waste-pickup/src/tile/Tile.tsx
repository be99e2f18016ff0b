import { useConfig, useNavigate, useT } from '@cunmen/sdk';
import { Tile } from '@cunmen/ui';
import type { Config } from '../config.js';
import { messages } from '../i18n.js';

/** Home tile: a way in to booking. It reads no bookings, so it costs no store request on the home page. */
export function WastePickupTile() {
  const config = useConfig<Config>();
  const t = useT(messages);
  const navigate = useNavigate();
  return (
    <Tile
      icon="recycle"
      title={config.heading}
      subtitle={t('tileSubtitle')}
      onClick={() => navigate('/waste-pickup')}
    />
  );
}
