/**
 * A county widget's cadre page in the cadre frame: `<iframe sandbox="allow-scripts">` (never
 * `allow-same-origin`) on the frame's own origin, so the widget runs with an opaque origin, apart from
 * the console's DOM, cookies, storage and APIs. This component answers the frame's messages with the
 * widget's own host (bridge.ts) and sends it the path below the page's route as it changes.
 */
import type { PortalSnapshot, SnapshotWidget } from '@cunmen/manifest';
import type { Host, Locale } from '@cunmen/sdk';
import { useEffect, useRef, useState } from 'react';
import { serveCadreBridge } from './bridge.js';
import { BRIDGE_TAG, type ToFrame } from './bridge-protocol.js';

/** The frame's page on the frame origin (shell/server/src/console/cadre-frame.ts). */
export const CADRE_FRAME_PATH = '/cadre-frame';
/** The iframe's `sandbox`: scripts only — no same origin, forms, popups, top navigation or downloads. */
export const CADRE_FRAME_SANDBOX = 'allow-scripts';

export interface CadreFrameProps {
  frameUrl: string;
  snapshot: PortalSnapshot;
  widget: SnapshotWidget;
  expose: string;
  title: string;
  path: string;
  host: Host;
  locale: Locale;
  navigate(to: string): void;
}

export function CadreFrame(props: CadreFrameProps) {
  const { frameUrl, snapshot, widget, expose, title, path, host, locale, navigate } = props;
  const ref = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(480);
  const pathRef = useRef(path);
  pathRef.current = path;

  useEffect(
    () =>
      serveCadreBridge(window, {
        frame: () => ref.current?.contentWindow ?? null,
        init: () => ({
          snapshot: { ...snapshot, widgets: [widget] },
          page: { expose, title, path: pathRef.current },
          locale,
          elderly: host.elderly.get(),
        }),
        apiFor: (name) => (name === widget.name ? host.api : undefined),
        navigate,
        onHeight: setHeight,
      }),
    [snapshot, widget, expose, title, locale, host, navigate],
  );
  useEffect(() => {
    const message: ToFrame = { tag: BRIDGE_TAG, type: 'path', path };
    ref.current?.contentWindow?.postMessage(message, '*');
  }, [path]);

  return (
    <iframe
      ref={ref}
      className="console-cadre__frame"
      title={title}
      src={`${frameUrl.replace(/\/+$/, '')}${CADRE_FRAME_PATH}`}
      sandbox={CADRE_FRAME_SANDBOX}
      referrerPolicy="no-referrer"
      data-widget={widget.name}
      style={{ height, width: '100%', border: 0, display: 'block' }}
    />
  );
}
