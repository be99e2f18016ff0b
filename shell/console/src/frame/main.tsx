/**
 * Entry of the cadre frame (`/cadre-frame` on the frame's own origin, in `<iframe sandbox="allow-scripts">`
 * on a county widget's cadre page in the console). It says `ready` to the console, gets the village's
 * snapshot with just this widget, puts it behind the resident app's trust gate (signature checks, one
 * Module Federation instance) and renders the widget's `cadre.page/v1` expose with a host that asks the
 * console for every host-API call. It reports its height so the console sizes the iframe.
 */
import '@cunmen/ui/styles.css';
import './frame.css';
import { createElderlyMode, createEventHub } from '@cunmen/sdk';
import { trustGate } from '@cunmen/shell-web/widget-runtime';
import { createRoot } from 'react-dom/client';
import { BRIDGE_TAG, type FrameInit } from '../cadre/bridge-protocol.js';
import { FramePage } from './FramePage.js';
import { frameHost, parentChannel } from './frame-host.js';

const channel = parentChannel(window);
const root = document.getElementById('root');
let started = false;

function start(init: FrameInit) {
  const widget = init.snapshot.widgets.length === 1 ? init.snapshot.widgets[0] : undefined;
  const page = init.page;
  if (!root || !widget || !page) return;
  document.documentElement.lang = init.locale;
  document.title = page.title;
  const federation = trustGate(init.snapshot, document);
  const host = frameHost(init, widget, channel, {
    elderly: createElderlyMode(init.elderly),
    events: createEventHub(),
    navigate: (to) => channel.post({ tag: BRIDGE_TAG, type: 'navigate', to }),
  });
  createRoot(root).render(
    <FramePage page={page} widget={widget} federation={federation} host={host} channel={channel} />,
  );
}

channel.listen((message) => {
  // Only the first `init` counts: the page is for one widget, for the frame's lifetime.
  if (message.type !== 'init' || started) return;
  started = true;
  start(message);
});

new ResizeObserver(() => {
  channel.post({ tag: BRIDGE_TAG, type: 'height', px: Math.ceil(document.documentElement.scrollHeight) });
}).observe(document.body);

channel.post({ tag: BRIDGE_TAG, type: 'ready' });
