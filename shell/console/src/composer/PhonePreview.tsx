/**
 * The phone preview: the console's preview page (`/preview/v/<village>`, shell/console/src/preview) in a
 * phone-sized frame. It shows the draft (else the published portal) with the exact pinned versions,
 * loaded through Module Federation behind the trust gate, and its own 长辈版 switch; it reloads after
 * every change of the draft.
 */
import { Typography } from 'antd';
import { useT } from '../i18n/index.js';
import type { ComposerView } from './types.js';

export function PhonePreview({ view }: { view: ComposerView }) {
  const t = useT();
  const revision = view.draft?.updatedAt ?? `v${view.published ?? 0}`;
  const src = `/preview/v/${view.village.code}?rev=${encodeURIComponent(revision)}`;
  return (
    <div className="composer-preview">
      <h2 className="console-card-title">{t('composer.previewTitle')}</h2>
      <Typography.Paragraph>
        {view.draft ? t('composer.previewDraft') : t('composer.previewPublished')}
      </Typography.Paragraph>
      <div className="composer-phone">
        <iframe
          key={src}
          src={src}
          title={t('composer.previewFrame', { village: view.village.name })}
          className="composer-phone__screen"
        />
      </div>
    </div>
  );
}
