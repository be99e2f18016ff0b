/**
 * The phone preview: the frame origin's preview page (`/preview`, shell/console/src/preview) in a
 * phone-sized `<iframe sandbox="allow-scripts">`, so the draft's county widgets never run in the
 * console's realm. This page fetches the draft's snapshot (else the published one) with the staff
 * session, sends it to the frame, and answers the widgets' host-API calls with each widget's own
 * credential (cadre/bridge.ts). The frame reloads after every change of the draft.
 */
import type { PortalSnapshot } from '@cunmen/manifest';
import { createElderlyMode, createEventHub, type Host } from '@cunmen/sdk';
import { createWidgetHost } from '@cunmen/shell-web/widget-runtime';
import { useQuery } from '@tanstack/react-query';
import { Alert, Typography } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useApi } from '../api/client.js';
import { serveCadreBridge } from '../cadre/bridge.js';
import { useConsoleConfig } from '../cadre/CadreArea.js';
import { CADRE_FRAME_SANDBOX } from '../cadre/CadreFrame.js';
import { useT } from '../i18n/index.js';
import type { ComposerView } from './types.js';

/** The preview's page on the frame origin (shell/server/src/console/cadre-frame.ts). */
export const PREVIEW_PATH = '/preview';

export function PhonePreview({ view }: { view: ComposerView }) {
  const t = useT();
  const api = useApi();
  const frameUrl = useConsoleConfig().data?.cadreFrame.url ?? null;
  const revision = view.draft?.updatedAt ?? `v${view.published ?? 0}`;
  const village = view.village.code;
  const snapshot = useQuery({
    queryKey: ['preview', village, revision],
    queryFn: () =>
      api<PortalSnapshot>(`/api/console/v1/portals/${encodeURIComponent(village)}/draft/snapshot`),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  return (
    <div className="composer-preview">
      <h2 className="console-card-title">{t('composer.previewTitle')}</h2>
      <Typography.Paragraph>
        {view.draft ? t('composer.previewDraft') : t('composer.previewPublished')}
      </Typography.Paragraph>
      <div className="composer-phone">
        {snapshot.isError ? (
          <Alert type="error" role="alert" title={t('composer.previewFailed')} />
        ) : snapshot.data && frameUrl ? (
          <PreviewFrame
            key={revision}
            frameUrl={frameUrl}
            snapshot={snapshot.data}
            title={t('composer.previewFrame', { village: view.village.name })}
          />
        ) : null}
      </div>
    </div>
  );
}

function PreviewFrame({
  frameUrl,
  snapshot,
  title,
}: {
  frameUrl: string;
  snapshot: PortalSnapshot;
  title: string;
}) {
  const ref = useRef<HTMLIFrameElement>(null);
  // Each widget's host in this realm: its credential is minted here for it alone, never sent on.
  const hosts = useMemo(() => {
    const hub = createEventHub();
    const elderly = createElderlyMode(snapshot.theme.elderlyByDefault);
    const map = new Map<string, Host>();
    for (const w of snapshot.widgets) {
      map.set(
        w.name,
        createWidgetHost({ snapshot, locale: 'zh-CN', elderly, hub, navigate: () => undefined }, w),
      );
    }
    return map;
  }, [snapshot]);
  useEffect(
    () =>
      serveCadreBridge(window, {
        frame: () => ref.current?.contentWindow ?? null,
        init: () => ({ snapshot, locale: 'zh-CN', elderly: snapshot.theme.elderlyByDefault }),
        apiFor: (name) => hosts.get(name)?.api,
        // The preview stays on its own screens; its size is the phone's.
        navigate: () => undefined,
        onHeight: () => undefined,
      }),
    [snapshot, hosts],
  );
  return (
    <iframe
      ref={ref}
      src={`${frameUrl.replace(/\/+$/, '')}${PREVIEW_PATH}`}
      sandbox={CADRE_FRAME_SANDBOX}
      referrerPolicy="no-referrer"
      title={title}
      className="composer-phone__screen"
    />
  );
}
