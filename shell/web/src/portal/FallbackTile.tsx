/**
 * What stands in a widget's place when it cannot be shown (refused, failed, timed out, crashed): a
 * quiet card with the reason in zh-CN and, unless the widget was refused, a retry button.
 */
import { Button } from '@cunmen/ui';
import { useShellT } from '../i18n/index.js';

export type FallbackReason = 'refused' | 'failed' | 'timeout' | 'crashed';

export interface FallbackTileProps {
  title: string;
  reason: FallbackReason;
  /** The SHELL_ERR_… code, for support; shown small. */
  code?: string;
  onRetry?: () => void;
}

export function FallbackTile({ title, reason, code, onRetry }: FallbackTileProps) {
  const t = useShellT();
  return (
    <div className="shell-fallback" data-state={reason} data-code={code}>
      <span className="shell-fallback__icon" aria-hidden="true">
        !
      </span>
      <p className="shell-fallback__message">{t(`widget.${reason}`, { title })}</p>
      {onRetry && reason !== 'refused' ? (
        <Button variant="secondary" onClick={onRetry}>
          {t('widget.retry')}
        </Button>
      ) : null}
    </div>
  );
}
