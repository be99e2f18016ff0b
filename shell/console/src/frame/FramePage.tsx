/** The widget's cadre page in the frame, following the path the console sends as the route changes. */
import type { SnapshotWidget } from '@cunmen/manifest';
import type { Host } from '@cunmen/sdk';
import { loaderFor, type PortalFederation, WidgetSlot } from '@cunmen/shell-web/widget-runtime';
import { useEffect, useMemo, useState } from 'react';
import type { FrameInit } from '../cadre/bridge-protocol.js';
import type { FrameChannel } from './frame-host.js';

export interface FramePageProps {
  page: NonNullable<FrameInit['page']>;
  widget: SnapshotWidget;
  federation: PortalFederation;
  host: Host;
  channel: FrameChannel;
}

export function FramePage({ page, widget, federation, host, channel }: FramePageProps) {
  const [path, setPath] = useState(page.path);
  useEffect(
    () =>
      channel.listen((message) => {
        if (message.type === 'path' && typeof message.path === 'string') setPath(message.path);
      }),
    [channel],
  );
  const load = useMemo(() => loaderFor(federation, widget, page.expose), [federation, widget, page.expose]);
  return (
    <main className="shell-page cadre-frame">
      <WidgetSlot
        widget={widget.name}
        title={page.title}
        slot="cadre.page/v1"
        load={load}
        host={host}
        path={path}
      />
    </main>
  );
}
