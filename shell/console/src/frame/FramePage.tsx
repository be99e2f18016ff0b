/** The widget's cadre page in the frame, following the path the console sends as the route changes. */
import type { SnapshotWidget } from '@cunmen/manifest';
import type { Host } from '@cunmen/sdk';
import { loaderFor, type PortalFederation, WidgetSlot } from '@cunmen/shell-web/widget-runtime';
import { useEffect, useMemo, useState } from 'react';
import type { FrameInit } from '../cadre/bridge-protocol.js';
import type { FrameChannel } from './frame-host.js';

export interface FramePageProps {
  init: FrameInit;
  widget: SnapshotWidget;
  federation: PortalFederation;
  host: Host;
  channel: FrameChannel;
}

export function FramePage({ init, widget, federation, host, channel }: FramePageProps) {
  const [path, setPath] = useState(init.path);
  useEffect(
    () =>
      channel.listen((message) => {
        if (message.type === 'path' && typeof message.path === 'string') setPath(message.path);
      }),
    [channel],
  );
  const load = useMemo(() => loaderFor(federation, widget, init.expose), [federation, widget, init.expose]);
  return (
    <main className="shell-page cadre-frame">
      <WidgetSlot
        widget={widget.name}
        title={init.title}
        slot="cadre.page/v1"
        load={load}
        host={host}
        path={path}
      />
    </main>
  );
}
