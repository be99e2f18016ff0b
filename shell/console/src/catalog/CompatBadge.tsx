/** The compatibility badge (a colour and words, never colour alone) and the reasons behind it. */
import { Tag } from 'antd';
import type { ConsoleTranslate } from '../i18n/index.js';
import { useT } from '../i18n/index.js';
import type { Compatibility } from './compatibility.js';

// Dark enough for white text at WCAG AA.
const COLOURS = { compatible: '#1f6f3a', incompatible: '#8a1c1c', unknown: '#595959' } as const;

export function CompatBadge({ compat }: { compat: Compatibility }) {
  const t = useT();
  return (
    <Tag color={COLOURS[compat.status]} className="console-badge" data-compat={compat.status}>
      {t(`compat.${compat.status}`)}
    </Tag>
  );
}

/** One line per reason, in plain words. */
export function compatReasons(t: ConsoleTranslate, compat: Compatibility): string[] {
  const lines = compat.problems.map((p) =>
    p.kind === 'sdk'
      ? t('compat.sdk', { needs: p.needs, has: p.has })
      : p.has === null
        ? t('compat.notProvided', { name: p.name, needs: p.needs })
        : t('compat.shared', { name: p.name, needs: p.needs, has: p.has }),
  );
  if (compat.reason === 'no-sdk') lines.push(t('compat.noSdk'));
  if (compat.reason === 'shared-unknown') lines.push(t('compat.sharedUnknown'));
  return lines;
}
