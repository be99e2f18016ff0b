/**
 * Entry of the composer's phone preview (`/preview` on the frame origin, in the composer's
 * `<iframe sandbox="allow-scripts">`): the draft's resident widgets run here, in an opaque origin apart
 * from the console and its staff session. The console sends the draft's snapshot (or the published
 * one); the page checks it with the portal snapshot schema, puts it behind the resident app's trust
 * gate and renders it. Every host-API call of a widget goes to the console over `postMessage`
 * (cadre/bridge-protocol.ts), made there with that widget's own credential.
 */
import '@cunmen/ui/styles.css';
import './preview.css';
import { portalSnapshotSchema } from '@cunmen/manifest';
import { createElderlyMode } from '@cunmen/sdk';
import { trustGate } from '@cunmen/shell-web/widget-runtime';
import { createRoot } from 'react-dom/client';
import { BRIDGE_TAG } from '../cadre/bridge-protocol.js';
import { frameHost, parentChannel } from '../frame/frame-host.js';
import { PreviewPortal } from './PreviewPortal.js';

document.documentElement.lang = 'zh-CN';
const root = document.getElementById('root');
const channel = parentChannel(window);
let started = false;

function fail(text: string) {
  if (root) root.innerHTML = '';
  const p = document.createElement('p');
  p.className = 'preview__failed';
  p.setAttribute('role', 'alert');
  p.textContent = text;
  root?.append(p);
}

channel.listen((message) => {
  // Only the first `init` counts: one draft per frame (the composer reloads the frame after a change).
  if (message.type !== 'init' || started) return;
  started = true;
  const parsed = portalSnapshotSchema.safeParse(message.snapshot);
  if (!parsed.success || !root) {
    fail('门户数据无效，无法预览');
    return;
  }
  const snapshot = parsed.data;
  document.title = `${snapshot.village.name} · 预览`;
  const federation = trustGate(snapshot, document);
  const elderly = createElderlyMode(message.elderly);
  createRoot(root).render(
    <PreviewPortal
      snapshot={snapshot}
      federation={federation}
      elderly={elderly}
      hostFor={(widget, options) => frameHost({ snapshot, locale: 'zh-CN' }, widget, channel, options)}
    />,
  );
});

channel.post({ tag: BRIDGE_TAG, type: 'ready' });
