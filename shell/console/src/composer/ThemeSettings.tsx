/**
 * The portal's accent colour and whether residents start in 长辈版. A colour below WCAG AA against the
 * UI kit's colours (contrast.ts) is refused on its field, in Chinese, and nothing is saved. (The
 * village's name comes from the division register; a banner photo is not part of the village config.)
 */
import { App, Button, Checkbox, Form, Input } from 'antd';
import { useState } from 'react';
import { useT } from '../i18n/index.js';
import { useDraftEdit } from './api.js';
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
    const { primary: _old, ...theme } = view.config.theme;
    edit.mutate(
      {
        kind: 'save',
        baseVersion: view.baseVersion,
        config: {
          ...view.config,
          theme: { ...theme, elderlyByDefault: elderly, ...(value ? { primary: value.toLowerCase() } : {}) },
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
