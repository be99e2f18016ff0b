import { useModuleQuery, useNavigate, useT } from '@cunmen/sdk';
import { Tile } from '@cunmen/ui';
import type { PublishedSummary } from '../common/web.js';
import { messages } from '../i18n.js';

/** Home tile: the latest published item and how many are published. */
export function AffairsTile() {
  const t = useT(messages);
  const navigate = useNavigate();
  const { data, loading, error } = useModuleQuery<{ items: PublishedSummary[] }>('/published');
  const items = data?.items ?? [];
  const latest = items[0];
  const subtitle =
    loading || error
      ? undefined
      : latest
        ? `${t('tileCount', { n: items.length })} · ${t('tileLatest', { title: latest.title })}`
        : t('tileEmpty');
  return (
    <Tile
      icon="document"
      title={t('title')}
      subtitle={subtitle}
      onClick={() => navigate('/affairs-disclosure')}
    />
  );
}
