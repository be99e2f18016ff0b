// @vitest-environment happy-dom
import type { SnapshotWidget } from '@cunmen/manifest';
import { definePage, defineTile, useElderlyMode, useNavigate, useUser, useVillage } from '@cunmen/sdk';
import { Tile } from '@cunmen/ui';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeKeys, makeSnapshot } from '../../test/snapshot-fixture.js';
import { testWidget } from '../../test/widgets.js';
import { ELDERLY_STORAGE_KEY, elderlyModeFor } from '../boot.js';
import type { LoadResult, PortalFederation } from '../federation/instance.js';
import { Portal } from './Portal.js';

const keys = makeKeys();
const base = '/v/330521001001';

function Good() {
  const navigate = useNavigate();
  const { name } = useVillage();
  return <Tile title={`好组件·${name}`} onClick={() => navigate('/good')} />;
}
function Other() {
  const [elderly] = useElderlyMode();
  return <Tile title={elderly ? '另一个·长辈版' : '另一个'} />;
}
function Greeting() {
  const user = useUser();
  return <Tile title={user ? `您好，${user.displayName}` : '请先登录'} />;
}
function Boom(): never {
  throw new Error('boom');
}

const modules: Record<string, () => LoadResult | Promise<LoadResult>> = {
  '@deqing/good/./Tile': () => ({ ok: true, module: { default: defineTile(Good) } }),
  '@deqing/good/./Page': () => ({
    ok: true,
    module: { default: definePage(({ path }) => <h1>好组件页 {path}</h1>) },
  }),
  '@deqing/other/./Tile': () => ({ ok: true, module: { default: defineTile(Other) } }),
  '@deqing/greet/./Tile': () => ({ ok: true, module: { default: defineTile(Greeting) } }),
  '@deqing/crash/./Tile': () => ({ ok: true, module: { default: defineTile(Boom) } }),
  '@deqing/gone/./Tile': () => ({ ok: false, error: 'RUNTIME-008 404' }),
  '@deqing/wrong/./Tile': () => ({ ok: true, module: { default: definePage(() => null) } }),
};

function setup(
  widgets: SnapshotWidget[],
  refused: SnapshotWidget[] = [],
  elderlyByDefault = false,
  fetchImpl?: typeof fetch,
) {
  const refusedSet = new Set(refused);
  const snapshot = makeSnapshot(keys, widgets, { theme: { elderlyByDefault } });
  const load = vi.fn(async (widget: SnapshotWidget, expose: string): Promise<LoadResult> => {
    if (refusedSet.has(widget)) return { ok: false, error: 'bad', refused: 'SHELL_ERR_WIDGET_SIGNATURE' };
    const make = modules[`${widget.name}/${expose}`];
    return make ? make() : { ok: false as const, error: 'unknown' };
  });
  const federation: PortalFederation = { load };
  const elderly = elderlyModeFor(snapshot);
  const utils = render(
    <Portal
      snapshot={snapshot}
      base={base}
      locale="zh-CN"
      elderly={elderly}
      federation={federation}
      fetch={fetchImpl}
    />,
  );
  return { ...utils, load, elderly, snapshot };
}

const slot = (name: string) => document.querySelector(`.shell-slot[data-widget="${name}"]`) as HTMLElement;

describe('Portal', () => {
  beforeEach(() => {
    localStorage.clear();
    window.history.replaceState(null, '', `${base}/`);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('gives a widget granted user.read the signed-in resident, masked by the server, from its first render', async () => {
    const calls: string[] = [];
    const fakeFetch = (async (input: RequestInfo | URL) => {
      const url = String(input);
      calls.push(url);
      const body = url.endsWith('/widget-token')
        ? { token: 't', expiresAt: new Date(Date.now() + 600_000).toISOString() }
        : { user: { id: 'u1', displayName: '沈*婆', role: 'resident' } };
      return new Response(JSON.stringify(body), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    }) as typeof fetch;
    setup(
      [testWidget(keys, '@deqing/greet', { override: { capabilities: ['user.read'] } as never })],
      [],
      false,
      fakeFetch,
    );
    await screen.findByRole('button', { name: '您好，沈*婆' });
    expect(screen.queryByRole('button', { name: '请先登录' })).toBeNull();
    expect(calls.some((u) => u.endsWith('/api/host/v1/me'))).toBe(true);
  });

  it('lays out the header, home tiles by order, and the bottom nav; no cadre pages', async () => {
    const { load } = setup([
      testWidget(keys, '@deqing/other', { order: 20, title: '另一个' }),
      testWidget(keys, '@deqing/good', { order: 10, title: '好组件' }),
    ]);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('东衡村');
    await screen.findByRole('button', { name: '好组件·东衡村' });
    await screen.findByRole('button', { name: '另一个' });
    const tiles = Array.from(document.querySelectorAll('.shell-slot')).map((e) =>
      e.getAttribute('data-widget'),
    );
    expect(tiles).toEqual(['@deqing/good', '@deqing/other']);
    const nav = within(screen.getByRole('navigation', { name: '底部导航' }));
    expect(nav.getAllByRole('link').map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['首页', `${base}/`],
      ['好组件导航', `${base}/p/good`],
      ['另一个导航', `${base}/p/other`],
    ]);
    expect(load.mock.calls.map((c) => c[1])).not.toContain('./Admin');
  });

  it('keeps long names whole as tooltips and shows the nav icons the manifest names, hidden from screen readers', async () => {
    const long = '村级集体经济组织农村产权流转交易服务平台';
    const widget = testWidget(keys, '@deqing/good', { title: long });
    widget.placements = widget.placements.map((p) =>
      p.slot === 'village.nav/v1' ? { ...p, icon: 'tractor' } : p,
    );
    setup([widget]);
    expect(document.querySelector('.shell-header__name')?.getAttribute('title')).toBe('东衡村');
    const nav = within(screen.getByRole('navigation', { name: '底部导航' }));
    const entry = nav.getByRole('link', { name: `${long}导航` });
    expect(entry.querySelector('.shell-nav__label')?.getAttribute('title')).toBe(`${long}导航`);
    expect(entry.querySelector('svg')?.getAttribute('data-icon')).toBe('tractor');
    const home = nav.getByRole('link', { name: '首页' });
    expect(home.querySelector('svg')?.getAttribute('data-icon')).toBe('home');
    expect(home.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('opens a widget page from its tile (useNavigate) and from the nav, and back home', async () => {
    setup([testWidget(keys, '@deqing/good', { title: '好组件' })]);
    fireEvent.click(await screen.findByRole('button', { name: '好组件·东衡村' }));
    expect(window.location.pathname).toBe(`${base}/p/good`);
    expect((await screen.findByRole('heading', { name: /好组件页/ })).textContent).toBe('好组件页 /');
    expect(document.title).toBe('好组件页 · 东衡村');
    fireEvent.click(screen.getByRole('link', { name: '首页' }));
    expect(window.location.pathname).toBe(`${base}/`);
    await screen.findByRole('button', { name: '好组件·东衡村' });
  });

  it('shows a zh-CN not-found page for an unknown route', () => {
    window.history.replaceState(null, '', `${base}/p/nothing`);
    setup([testWidget(keys, '@deqing/good')]);
    expect(screen.getByRole('heading', { name: '没有找到这个页面' })).toBeTruthy();
  });

  it('one widget failing never affects the others: crash, load failure, wrong slot, refusal', async () => {
    const refusedWidget = testWidget(keys, '@deqing/tampered', { title: '篡改' });
    setup(
      [
        testWidget(keys, '@deqing/good', { order: 1 }),
        testWidget(keys, '@deqing/crash', { order: 2, title: '会崩溃' }),
        testWidget(keys, '@deqing/gone', { order: 3, title: '失联' }),
        testWidget(keys, '@deqing/wrong', { order: 4, title: '错插槽' }),
        refusedWidget,
      ],
      [refusedWidget],
    );
    await screen.findByRole('button', { name: '好组件·东衡村' });
    await screen.findByText('“会崩溃”出了点问题');
    await screen.findByText('“失联”暂时无法使用');
    await screen.findByText('“错插槽”暂时无法使用');
    expect(await screen.findByText('“篡改”未通过安全校验，已停用')).toBeTruthy();
    expect(slot('@deqing/tampered').getAttribute('data-state')).toBe('refused');
    expect(within(slot('@deqing/tampered')).queryByRole('button')).toBeNull();
    expect(slot('@deqing/good').getAttribute('data-state')).toBe('ready');
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('SHELL_ERR_WIDGET_RENDER'));
  });

  it('retries a failed widget from its fallback tile', async () => {
    let fail = true;
    modules['@deqing/flaky/./Tile'] = () =>
      fail ? { ok: false, error: '404' } : { ok: true, module: { default: defineTile(Other) } };
    const { load } = setup([testWidget(keys, '@deqing/flaky', { title: '时好时坏' })]);
    await screen.findByText('“时好时坏”暂时无法使用');
    fail = false;
    fireEvent.click(within(slot('@deqing/flaky')).getByRole('button', { name: '重试' }));
    await screen.findByRole('button', { name: '另一个' });
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('shows the loading state, then the timeout state when a widget takes too long', async () => {
    vi.useFakeTimers();
    try {
      modules['@deqing/slow/./Tile'] = () => new Promise<LoadResult>(() => undefined);
      setup([testWidget(keys, '@deqing/slow', { title: '慢组件' })]);
      expect(screen.getByText('正在加载“慢组件”…')).toBeTruthy();
      await act(async () => vi.advanceTimersByTime(4000));
      expect(screen.getByText('“慢组件”加载较慢，请稍候')).toBeTruthy();
      await act(async () => vi.advanceTimersByTime(22_000));
      expect(screen.getByText('“慢组件”加载超时，网络可能不稳定')).toBeTruthy();
      expect(slot('@deqing/slow').getAttribute('data-state')).toBe('timeout');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('elderly mode switch (长辈版)', () => {
  beforeEach(() => {
    localStorage.clear();
    window.history.replaceState(null, '', `${base}/`);
  });
  afterEach(cleanup);

  it('switches the UI kit’s elderly mode for shell and widgets, and remembers it', async () => {
    const { unmount } = setup([testWidget(keys, '@deqing/other')]);
    const toggle = screen.getByRole('switch', { name: /长辈版/ });
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    expect(document.querySelector('.cm-root')?.getAttribute('data-cm-elderly')).toBe('false');
    await screen.findByRole('button', { name: '另一个' });
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    expect(document.querySelector('.cm-root')?.getAttribute('data-cm-elderly')).toBe('true');
    expect(await screen.findByRole('button', { name: '另一个·长辈版' })).toBeTruthy();
    expect(localStorage.getItem(ELDERLY_STORAGE_KEY)).toBe('true');
    unmount();
    setup([testWidget(keys, '@deqing/other')]);
    expect(screen.getByRole('switch', { name: /长辈版/ }).getAttribute('aria-checked')).toBe('true');
  });

  it('defaults to the village’s theme.elderlyByDefault until the resident chooses', () => {
    setup([], [], true);
    expect(screen.getByRole('switch', { name: /长辈版/ }).getAttribute('aria-checked')).toBe('true');
    cleanup();
    localStorage.setItem(ELDERLY_STORAGE_KEY, 'false');
    setup([], [], true);
    expect(screen.getByRole('switch', { name: /长辈版/ }).getAttribute('aria-checked')).toBe('false');
  });

  it('shows the village’s banner photo on the home page and takes its accent colour', () => {
    const banner = `${'b'.repeat(64)}.webp`;
    const snapshot = makeSnapshot(keys, [], {
      theme: { elderlyByDefault: false, primary: '#8a1c1c', banner },
    });
    const { container } = render(
      <Portal
        snapshot={snapshot}
        base={base}
        locale="zh-CN"
        elderly={elderlyModeFor(snapshot)}
        federation={{ load: vi.fn() }}
      />,
    );
    const img = container.querySelector<HTMLImageElement>('img.shell-banner');
    expect(img?.getAttribute('src')).toBe(`/media/banners/${banner}`);
    expect(img?.getAttribute('alt')).toBe('');
    const root = container.querySelector<HTMLElement>('.cm-root');
    expect(root?.style.getPropertyValue('--cm-color-primary')).toBe('#8a1c1c');
  });
});
