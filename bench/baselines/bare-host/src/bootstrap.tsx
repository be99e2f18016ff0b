// The bare host's whole app: the village's home tiles in a column, each loaded with the Module
// Federation runtime's plain `registerRemotes` + `loadRemote` from its `mf-manifest.json`, and given the
// same `Host` a widget needs to render (the SDK's HTTP host API against the shell server, a widget
// token asked for by name, as the staff console does). What the shell adds on top — snapshot signature
// and SRI checks, preload hints, one credential exchange, fallbacks — is exactly what it is compared on.
import {
  createDeviceLocation,
  createElderlyMode,
  createEventHub,
  createHttpHostApi,
  HOST_API_PATH,
  type Host,
  HostProvider,
} from '@cunmen/sdk';
import { loadRemote, registerRemotes } from '@module-federation/enhanced/runtime';
import { type ComponentType, StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

/** What the bench's server inlines into the page (bench/src/parts/lcp-server.mjs). */
interface BareWidget {
  name: string;
  version: string;
  remote: string;
  manifest: string;
  expose: string;
  config: Record<string, unknown>;
  capabilities: string[];
}
interface BarePage {
  village: { code: string; name: string };
  widgets: BareWidget[];
}

const page = (globalThis as unknown as { __BARE_HOST__: BarePage }).__BARE_HOST__;
const hub = createEventHub();
const elderly = createElderlyMode(false);

// The resident origin mints credentials only for a page-load ticket (the cookie the bench's server
// passes on with the page): one exchange for every widget, started before any widget loads.
const credentials: Promise<Record<string, { token: string }>> = fetch(`${HOST_API_PATH}/widget-tokens`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ village: page.village.code }),
})
  .then((r) => r.json())
  .then((b: { credentials: Record<string, { token: string }> }) => b.credentials);

function tokenOf(widget: BareWidget): () => Promise<string> {
  return () =>
    credentials.then((all) => {
      const token = all[widget.name]?.token;
      if (!token) throw new Error(`no credential for ${widget.name}`);
      return token;
    });
}

function hostOf(widget: BareWidget): Host {
  const info = { name: widget.name, version: widget.version, capabilities: widget.capabilities };
  return {
    widget: info,
    village: page.village,
    user: null,
    config: widget.config,
    locale: 'zh-CN',
    elderly,
    navigate: () => {},
    events: hub.forWidget(info),
    location: createDeviceLocation(widget.capabilities),
    api: createHttpHostApi({
      baseUrl: '',
      credential: tokenOf(widget),
      module: widget.name.startsWith('@cunmen/') ? widget.name.slice('@cunmen/'.length) : undefined,
    }),
  } as Host;
}

registerRemotes(page.widgets.map((w) => ({ name: w.remote, entry: w.manifest })));

function Tile({ widget }: { widget: BareWidget }) {
  const [Component, setComponent] = useState<ComponentType | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    loadRemote<{ default: { Component: ComponentType } }>(`${widget.remote}/${widget.expose.slice(2)}`)
      .then((m) => setComponent(() => m?.default.Component ?? null))
      .catch((e: unknown) => setError(String(e)));
  }, [widget]);
  if (error) return <p data-bare-error={widget.name}>{error}</p>;
  if (!Component) return <p>…</p>;
  return (
    <HostProvider host={hostOf(widget)}>
      <Component />
    </HostProvider>
  );
}

function App() {
  return (
    <main>
      <h1>{page.village.name}</h1>
      {page.widgets.map((w) => (
        <section key={w.name}>
          <Tile widget={w} />
        </section>
      ))}
    </main>
  );
}

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
