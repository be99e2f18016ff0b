import { useModuleQuery, useNavigate, useT, useUser } from '@cunmen/sdk';
import { Tile } from '@cunmen/ui';
import type { BoardAnswer } from '../common/model.js';
import { messages } from '../i18n.js';

/** Home tile: the signed-in resident's open cases, or (anonymous) how many answers the board shows. */
export function ComplaintsTile() {
  const t = useT(messages);
  const navigate = useNavigate();
  const user = useUser();
  const resident = user?.role === 'resident';
  const mine = useModuleQuery<{ open: number }>(resident ? '/cases/mine' : null);
  const board = useModuleQuery<BoardAnswer>(resident ? null : '/board');
  let subtitle: string | undefined;
  if (resident) {
    if (mine.data) subtitle = mine.data.open > 0 ? t('tileOpen', { n: mine.data.open }) : t('tileNone');
  } else if (board.data) {
    subtitle = t('tileBoard', { n: board.data.items.length });
  }
  return (
    <Tile
      icon="megaphone"
      title={t('tileTitle')}
      subtitle={subtitle}
      onClick={() => navigate('/complaints')}
    />
  );
}
