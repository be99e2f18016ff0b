/**
 * The emulated shell: a mock host (data kept in localStorage) and one tab per slot the widget
 * declares, each loading the exposed module at run time exactly as the provincial shell does.
 */
import type { BuiltManifest, ManifestIssue } from '@cunmen/manifest';
import { HostProvider, type SlotContribution } from '@cunmen/sdk';
import { createMockHost } from '@cunmen/sdk/mock';
import { ElderlyModeSwitch, ErrorState, LoadingState, ThemeProvider } from '@cunmen/ui';
import { Component, type ReactNode, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { createFederation } from './federation.js';

interface DevState {
  buildId: number;
  ok: boolean | null;
  manifest: BuiltManifest | null;
  issues: ManifestIssue[];
}

interface Tab {
  id: string;
  label: string;
  slot: string;
  expose?: string;
  route?: string;
}

const SLOT_LABEL: Record<string, string> = {
  'village.home.tile/v1': '首页磁贴',
  'village.page/v1': '页面',
  'village.nav/v1': '导航',
  'cadre.page/v1': '管理页',
};

function tabsOf(manifest: BuiltManifest): Tab[] {
  return manifest.contributes.map((c, i) => ({
    id: `${c.slot}:${c.route ?? c.expose ?? i}`,
    label: c.title ? `${SLOT_LABEL[c.slot]}：${c.title['zh-CN']}` : (SLOT_LABEL[c.slot] ?? c.slot),
    slot: c.slot,
    expose: c.expose,
    route: c.route,
  }));
}

class Boundary extends Component<
  { children: ReactNode; onError(message: string): void },
  { failed: string | null }
> {
  override state = { failed: null as string | null };
  static getDerivedStateFromError(err: unknown) {
    return { failed: err instanceof Error ? err.message : String(err) };
  }
  override componentDidCatch(err: unknown) {
    this.props.onError(err instanceof Error ? err.message : String(err));
  }
  override render() {
    return this.state.failed ? (
      <ErrorState message={`组件渲染出错：${this.state.failed}`} />
    ) : (
      this.props.children
    );
  }
}

function Slot({
  load,
  tab,
  path,
}: {
  load: (expose: string, slot: string) => Promise<SlotContribution>;
  tab: Tab;
  path: string;
}) {
  const [state, setState] = useState<{
    status: 'loading' | 'ready' | 'error';
    contribution?: SlotContribution;
    message?: string;
  }>({ status: 'loading' });
  useEffect(() => {
    if (!tab.expose) return;
    let live = true;
    load(tab.expose, tab.slot).then(
      (contribution) => live && setState({ status: 'ready', contribution }),
      (err: unknown) =>
        live && setState({ status: 'error', message: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      live = false;
    };
  }, [load, tab.expose, tab.slot]);
  const c = state.contribution;
  return (
    <div data-slot={tab.slot} data-expose={tab.expose} data-state={state.status}>
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'error' && <ErrorState message={state.message ?? ''} />}
      {c && (
        <Boundary onError={(message) => setState({ status: 'error', message })}>
          {c.slot === 'village.home.tile/v1' ? <c.Component /> : <c.Component path={path} />}
        </Boundary>
      )}
    </div>
  );
}

const CONFIG_KEY = 'cunmen-dev:config';

export function App() {
  const [dev, setDev] = useState<DevState | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const [locale, setLocale] = useState<'zh-CN' | 'en'>('zh-CN');
  const [role, setRole] = useState<'resident' | 'cadre'>('resident');
  const [configText, setConfigText] = useState<string | null>(() => localStorage.getItem(CONFIG_KEY));

  useEffect(() => {
    let stop = false;
    const poll = async () => {
      const state = (await (await fetch('/__cunmen/state')).json()) as DevState;
      if (stop) return;
      if (state.buildId === 0) setTimeout(poll, 300);
      else setDev(state);
    };
    void poll();
    return () => {
      stop = true;
    };
  }, []);

  const manifest = dev?.manifest ?? null;
  const federation = useMemo(
    () =>
      manifest
        ? createFederation(
            manifest.remote.name,
            new URL('/__widget/mf-manifest.json', window.location.href).href,
          )
        : null,
    [manifest],
  );
  const tabs = useMemo(() => (manifest ? tabsOf(manifest) : []), [manifest]);
  const config = useMemo(() => {
    try {
      return configText
        ? (JSON.parse(configText) as Record<string, unknown>)
        : (manifest?.configDefaults ?? {});
    } catch {
      return manifest?.configDefaults ?? {};
    }
  }, [configText, manifest]);
  const current = tabs.find((t) => t.id === active) ?? tabs[0];

  const host = useMemo(() => {
    if (!manifest) return null;
    return createMockHost({
      widget: { name: manifest.name, version: manifest.version },
      capabilities: manifest.capabilities,
      config,
      locale,
      user:
        role === 'cadre'
          ? { id: 'cadre-1', displayName: '王**', role: 'cadre' }
          : { id: 'resident-1', displayName: '李**', role: 'resident', householdId: 'H001' },
      persist: window.localStorage,
      onNavigate: (to: string) => {
        const route = to.replace(/^\//, '').split('/')[0];
        const page = tabs.find((t) => t.slot === 'village.page/v1' && t.route === route);
        if (page) setActive(page.id);
      },
    });
  }, [manifest, config, locale, role, tabs]);
  const elderly = useSyncExternalStore(
    (listener) => host?.elderly.subscribe(listener) ?? (() => undefined),
    () => host?.elderly.get() ?? false,
  );

  if (!dev) return <LoadingState />;
  if (!manifest || !federation || !host) {
    return (
      <div className="dev-issues" role="alert">
        <h1>构建失败 / build failed</h1>
        <ul>
          {dev.issues.map((i) => (
            <li key={i.path + i.en}>{i.en}</li>
          ))}
        </ul>
      </div>
    );
  }

  return (
    <ThemeProvider elderly={elderly} locale={locale}>
      <header className="dev-bar">
        <strong>
          {manifest.name}@{manifest.version}
        </strong>
        <span>构建 #{dev.buildId}</span>
        <label>
          身份{' '}
          <select value={role} onChange={(e) => setRole(e.target.value as 'resident' | 'cadre')}>
            <option value="resident">村民</option>
            <option value="cadre">村干部</option>
          </select>
        </label>
        <label>
          语言{' '}
          <select value={locale} onChange={(e) => setLocale(e.target.value as 'zh-CN' | 'en')}>
            <option value="zh-CN">中文</option>
            <option value="en">English</option>
          </select>
        </label>
        <ElderlyModeSwitch checked={elderly} onChange={(v: boolean) => host.elderly.set(v)} />
      </header>
      <div className="dev-tabs" role="tablist" aria-label="插槽">
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={t.id === current?.id}
            onClick={() => setActive(t.id)}
          >
            {t.label}
          </button>
        ))}
        <button
          type="button"
          role="tab"
          aria-selected={active === 'config'}
          onClick={() => setActive('config')}
        >
          配置
        </button>
      </div>
      <div className="dev-panel" role="tabpanel">
        {active === 'config' ? (
          <div className="dev-config">
            <label htmlFor="dev-config">村级配置（JSON）</label>
            <textarea
              id="dev-config"
              defaultValue={JSON.stringify(config, null, 2)}
              onBlur={(e) => {
                localStorage.setItem(CONFIG_KEY, e.target.value);
                setConfigText(e.target.value);
              }}
            />
          </div>
        ) : current ? (
          <div className="dev-frame">
            <HostProvider host={host}>
              {current.slot === 'village.nav/v1' ? (
                <div className="dev-nav" data-slot={current.slot} data-state="ready">
                  {tabs
                    .filter((t) => t.slot === 'village.nav/v1')
                    .map((t) => (
                      <button key={t.id} type="button" onClick={() => host.navigate(`/${t.route ?? ''}`)}>
                        {
                          manifest.contributes.find((c) => c.slot === t.slot && c.route === t.route)?.title?.[
                            'zh-CN'
                          ]
                        }
                      </button>
                    ))}
                </div>
              ) : (
                <Slot key={`${current.id}:${dev.buildId}`} load={federation.load} tab={current} path="/" />
              )}
            </HostProvider>
          </div>
        ) : null}
      </div>
    </ThemeProvider>
  );
}
