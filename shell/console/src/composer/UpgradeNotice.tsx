/**
 * A notice when the catalog has a newer approved version of a placed service that works with this
 * platform, with a one-click upgrade into the draft (the server checks the version — approved, not
 * withdrawn, compatible, settings still valid — before keeping it).
 */
import { Alert, App, Button } from 'antd';
import { problemText } from '../api/client.js';
import { useCatalogDetail } from '../catalog/api.js';
import { useT } from '../i18n/index.js';
import { useDraftEdit } from './api.js';
import { upgradeService } from './layout.js';
import type { ComposerView } from './types.js';
import { newerVersion } from './upgrade.js';

export function UpgradeNotice({
  view,
  name,
  version,
}: {
  view: ComposerView;
  name: string;
  version: string;
}) {
  const t = useT();
  const { message } = App.useApp();
  const detail = useCatalogDetail(name);
  const edit = useDraftEdit(view.village.code);
  const newer = newerVersion(version, detail.data);
  if (!newer) return null;
  const title = view.services[name]?.title['zh-CN'] ?? name;
  const upgrade = () =>
    edit.mutate(
      { kind: 'save', baseVersion: view.baseVersion, config: upgradeService(view.config, name, newer) },
      { onSuccess: () => void message.success(t('composer.upgraded', { version: newer })) },
    );
  return (
    <Alert
      type="info"
      className="composer-upgrade"
      data-widget={name}
      title={t('composer.upgrade', { title, version: newer, current: version })}
      description={edit.isError ? problemText(edit.error, '') : undefined}
      action={
        <Button onClick={upgrade} loading={edit.isPending}>
          {t('composer.upgradeTo', { version: newer })}
        </Button>
      }
    />
  );
}
