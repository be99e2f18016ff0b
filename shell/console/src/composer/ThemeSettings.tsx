/**
 * The portal's banner photo, accent colour and whether residents start in 长辈版. A colour below WCAG AA
 * against the UI kit's colours (contrast.ts) is refused on its field, in Chinese, and nothing is saved.
 * A photo is uploaded at once (the server re-encodes it to a small WebP without its metadata) and joins
 * the draft with the rest when the cadre saves. (The village's name comes from the division register.)
 */
import { App, Button, Checkbox, Form, Input } from 'antd';
import { useState } from 'react';
import { problemText } from '../api/client.js';
import { useT } from '../i18n/index.js';
import { useBannerUpload, useDraftEdit } from './api.js';
import { ComposerHeading } from './ComposerHeading.js';
import { checkAccent, formatRatio } from './contrast.js';
import type { ComposerView } from './types.js';

export function ThemeSettings({ view }: { view: ComposerView }) {
  const t = useT();
  const { message } = App.useApp();
  const edit = useDraftEdit(view.village.code);
  const [accent, setAccent] = useState(view.config.theme.primary ?? '');
  const [elderly, setElderly] = useState(view.config.theme.elderlyByDefault);
  const [error, setError] = useState<string | null>(null);
  const [banner, setBanner] = useState<string | undefined>(view.config.theme.banner);
  const upload = useBannerUpload(view.village.code);
  const choose = (file: File | undefined) => {
    if (file) upload.mutate(file, { onSuccess: (answer) => setBanner(answer.banner) });
  };

  const save = () => {
    const value = accent.trim();
    if (value !== '') {
      const check = checkAccent(value);
      if (!check.ok) {
        setError(
          check.reason === 'format'
            ? t('composer.accentFormat')
            : t('composer.accentContrast', { ratio: formatRatio(check.ratio) }),
        );
        return;
      }
    }
    setError(null);
    const { primary: _old, banner: _photo, ...theme } = view.config.theme;
    edit.mutate(
      {
        kind: 'save',
        baseVersion: view.baseVersion,
        config: {
          ...view.config,
          theme: {
            ...theme,
            elderlyByDefault: elderly,
            ...(value ? { primary: value.toLowerCase() } : {}),
            ...(banner ? { banner } : {}),
          },
        },
      },
      { onSuccess: () => void message.success(t('composer.themeSaved')) },
    );
  };

  return (
    <section className="console-page composer">
      <ComposerHeading view={view} title={t('composer.theme')} />
      <Form layout="vertical" onFinish={save} className="composer-theme">
        <Form.Item
          label={t('composer.banner')}
          htmlFor="composer-banner"
          extra={t('composer.bannerHint')}
          validateStatus={upload.isError ? 'error' : undefined}
          help={upload.isError ? <span role="alert">{problemText(upload.error, '')}</span> : undefined}
        >
          {banner ? (
            <img
              className="composer-theme__banner"
              src={`/media/banners/${banner}`}
              alt={t('composer.bannerAlt')}
            />
          ) : null}
          {/* The browser's own file button speaks the browser's language; this one speaks the console's. */}
          <label htmlFor="composer-banner" className="composer-theme__choose">
            {upload.isPending ? t('composer.bannerUploading') : t('composer.bannerChoose')}
          </label>
          <input
            id="composer-banner"
            className="composer-theme__file"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            onChange={(e) => choose(e.target.files?.[0])}
            disabled={upload.isPending}
          />
          {banner ? (
            <Button onClick={() => setBanner(undefined)} className="composer-theme__remove-banner">
              {t('composer.bannerRemove')}
            </Button>
          ) : null}
        </Form.Item>
        <Form.Item
          label={t('composer.accent')}
          htmlFor="composer-accent"
          extra={t('composer.accentHint')}
          validateStatus={error ? 'error' : undefined}
          help={error ? <span role="alert">{error}</span> : undefined}
        >
          <div className="composer-theme__colour">
            <Input
              id="composer-accent"
              value={accent}
              onChange={(e) => setAccent(e.target.value)}
              aria-invalid={error ? true : undefined}
              placeholder="#8a1c1c"
            />
            <span
              className="composer-theme__swatch"
              style={{ background: /^#[0-9a-f]{6}$/i.test(accent) ? accent : 'transparent' }}
              aria-hidden="true"
            />
          </div>
        </Form.Item>
        <Form.Item>
          <Checkbox checked={elderly} onChange={(e) => setElderly(e.target.checked)}>
            {t('composer.elderlyDefault')}
          </Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={edit.isPending}>
          {t('composer.saveTheme')}
        </Button>
      </Form>
    </section>
  );
}
