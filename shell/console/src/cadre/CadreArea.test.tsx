// @vitest-environment happy-dom
/**
 * The cadre console, moved from the resident app to the staff console: sign-in on the console origin
 * (the server's refusals shown as they are), then the `cadre.page/v1` pages of the village's portal,
 * loaded through the widget runtime; township staff of the village's township get in; a county admin
 * enrols the second factor at the first sign-in.
 */
import type { PortalSnapshot, SnapshotWidget } from '@cunmen/manifest';
import { createElderlyMode, defineCadrePage, useHost } from '@cunmen/sdk';
import type { LoadResult, PortalFederation } from '@cunmen/shell-web/widget-runtime';
import { createMemoryHistory } from '@tanstack/react-router';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeKeys, makeSnapshot } from '../../../web/test/snapshot-fixture.js';
import { testWidget } from '../../../web/test/widgets.js';
import { ConsoleApp } from '../App.js';
import { createApi } from '../api/client.js';
import { CadreRuntimeContext } from './runtime.js';

/** The shell server's one error body. */
const refusal = (code: string, error: string, message: string) => ({
  error,
  code,
  message,
  requestId: 'req-1',
});

const keys = makeKeys();
const VILLAGE = '330521001001';
const FRAME_URL = 'http://127.0.0.1:9091';

/** A province standard module as the registry serves it (`kind: standard`): it runs in the console's realm. */
const standard = (name: string, options: Parameters<typeof testWidget>[2] = {}): SnapshotWidget =>
  testWidget(keys, name, { ...options, override: { kind: 'standard' } });
const base = `/v/${VILLAGE}/cadre`;

function Desk({ path }: { path: string }) {
  const { widget } = useHost();
  return <h2>{`工作台页 ${widget.name} ${path}`}</h2>;
}

interface Account {
  name: string;
  displayName: string;
  role: string;
  division: string;
}

const answer = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/**
 * The console origin of a shell server with one account: `/api/auth/me` knows it only after a right
 * password; a resident account is refused as the real server refuses it on the console.
 */
function server(account: Account, password: string, widgets: SnapshotWidget[]) {
  let signedIn = false;
  const calls: { url: string; body: unknown }[] = [];
  const session = () => ({ user: { ...account, household: null }, csrfToken: 'c1', mfa: 'passed' });
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ url, body });
    if (url === '/api/auth/me') {
      return signedIn
        ? answer(200, session())
        : answer(401, refusal('SHELL_ERR_UNAUTHORIZED', 'not signed in', '请先登录'));
    }
    if (url === '/api/auth/login') {
      if (body.name !== account.name || body.password !== password)
        return answer(401, refusal('SHELL_ERR_BAD_LOGIN', 'wrong user name or password', '用户名或密码错误'));
      if (account.role === 'resident')
        return answer(
          403,
          refusal(
            'SHELL_ERR_NOT_STAFF',
            'the console is for staff',
            '该账号不是村干部或工作人员账号，不能进入工作台',
          ),
        );
      signedIn = true;
      return answer(200, session());
    }
    if (url === '/api/auth/logout') {
      signedIn = false;
      return answer(200, { ok: true });
    }
    if (url === `/api/portals/${VILLAGE}/snapshot`) return answer(200, makeSnapshot(keys, widgets));
    if (url === '/api/console/v1/config')
      return answer(200, {
        residentUrl: 'http://127.0.0.1:8080',
        cadreFrame: { url: FRAME_URL, trustedWidgets: ['@deqing/trusted-desk'] },
      });
    return answer(404, refusal('SHELL_ERR_NOT_FOUND', 'not found', '没有找到'));
  }) as typeof fetch;
  return { fetchImpl, calls };
}

function setup(fetchImpl: typeof fetch, path = base) {
  const load = vi.fn(
    async (widget: SnapshotWidget, expose: string): Promise<LoadResult> =>
      expose === './Admin'
        ? { ok: true, module: { default: defineCadrePage(Desk) } }
        : { ok: false, error: `not in this test: ${widget.name} ${expose}` },
  );
  const federation: PortalFederation = { load };
  // What the console's own trust gate was given: only widgets allowed in its realm may be in it.
  const gated: PortalSnapshot[] = [];
  const federationFor = (snapshot: PortalSnapshot) => {
    gated.push(snapshot);
    return federation;
  };
  render(
    <CadreRuntimeContext.Provider value={{ federationFor, fetch: fetchImpl }}>
      <ConsoleApp
        locale="zh-CN"
        elderly={createElderlyMode(false)}
        api={createApi(fetchImpl)}
        history={createMemoryHistory({ initialEntries: [path] })}
      />
    </CadreRuntimeContext.Provider>,
  );
  return { load, gated };
}

async function signIn(name: string, password: string) {
  fireEvent.change(await screen.findByLabelText(/账号/), { target: { value: name } });
  fireEvent.change(screen.getByLabelText(/密码/), { target: { value: password } });
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '登录' })));
}

describe('the cadre pages in the console', () => {
  beforeEach(() => {
    localStorage.clear();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('asks for sign-in, shows the server’s refusal, then lists and loads the cadre pages', async () => {
    const cadre = { name: 'li', displayName: '李书记', role: 'village-cadre', division: VILLAGE };
    const { fetchImpl } = server(cadre, 'right password', [
      standard('@cunmen/complaints', { title: '接诉即办' }),
    ]);
    const { load } = setup(fetchImpl, `${base}/complaints/case/7`);
    // The file's first render pays for the cold imports: on a loaded machine that can take seconds.
    expect((await screen.findByRole('heading', { level: 1 }, { timeout: 10_000 })).textContent).toBe(
      '登录村门工作台',
    );
    expect(load).not.toHaveBeenCalled();
    await signIn('li', 'wrong');
    expect((await screen.findByRole('alert')).textContent).toBe('用户名或密码错误');
    await signIn('li', 'right password');
    expect((await screen.findByText(/^已登录/)).textContent).toBe('已登录：李书记');
    expect((await screen.findByRole('heading', { level: 1, name: /^村干部工作台/ })).textContent).toBe(
      '村干部工作台 · 东衡村',
    );
    expect((await screen.findByRole('heading', { level: 2, name: /^工作台页/ })).textContent).toBe(
      '工作台页 @cunmen/complaints /case/7',
    );
    expect(screen.getByRole('link', { name: '管理' }).getAttribute('aria-current')).toBe('page');
    expect(load).toHaveBeenCalledWith(expect.objectContaining({ name: '@cunmen/complaints' }), './Admin');
    // No resident bottom navigation inside the console.
    expect(screen.queryByRole('navigation', { name: '底部导航' })).toBeNull();
  });

  it('refuses a resident and an account of another village without loading any cadre page', async () => {
    for (const account of [
      { name: 'zhang', displayName: '张建华', role: 'resident', division: VILLAGE },
      { name: 'wang', displayName: '王书记', role: 'village-cadre', division: '330521003201' },
    ]) {
      const { fetchImpl } = server(account, 'pw', [standard('@cunmen/complaints')]);
      const { load } = setup(fetchImpl);
      await signIn(account.name, 'pw');
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toMatch(account.role === 'resident' ? /不是村干部/ : /无权管理/);
      expect(load).not.toHaveBeenCalled();
      cleanup();
    }
  });

  it('lets township staff of the village’s township in, and signs out', async () => {
    const staff = { name: 'mo', displayName: '莫干山镇', role: 'township-staff', division: '330521001' };
    const { fetchImpl, calls } = server(staff, 'pw', [standard('@cunmen/complaints')]);
    setup(fetchImpl);
    await signIn('mo', 'pw');
    expect((await screen.findByRole('heading', { level: 2, name: /^工作台页/ })).textContent).toBe(
      '工作台页 @cunmen/complaints /',
    );
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '退出登录' })));
    expect((await screen.findByLabelText(/账号/)).getAttribute('autocomplete')).toBe('username');
    expect(calls.some((c) => c.url === '/api/auth/logout')).toBe(true);
  });

  it('runs a county widget’s cadre page in the sandboxed frame, never in the console’s realm', async () => {
    const cadre = { name: 'li', displayName: '李书记', role: 'village-cadre', division: VILLAGE };
    const county = testWidget(keys, '@yiyuan/waste-pickup', { title: '上门收运' });
    const { fetchImpl } = server(cadre, 'pw', [standard('@cunmen/complaints'), county]);
    const { load, gated } = setup(fetchImpl, `${base}/waste-pickup/booking/3`);
    await signIn('li', 'pw');
    const frame = (await screen.findByTitle('管理')) as HTMLIFrameElement;
    expect(frame.tagName).toBe('IFRAME');
    expect(frame.getAttribute('sandbox')).toBe('allow-scripts');
    expect(frame.getAttribute('src')).toBe(`${FRAME_URL}/cadre-frame`);
    expect(frame.dataset.widget).toBe('@yiyuan/waste-pickup');
    expect(load).not.toHaveBeenCalledWith(
      expect.objectContaining({ name: '@yiyuan/waste-pickup' }),
      expect.anything(),
    );
    expect(gated.length).toBeGreaterThan(0);
    for (const snapshot of gated) expect(snapshot.widgets.map((w) => w.name)).toEqual(['@cunmen/complaints']);
  });

  it('runs a county widget the province trusts in the console’s realm, like a standard module', async () => {
    const cadre = { name: 'li', displayName: '李书记', role: 'village-cadre', division: VILLAGE };
    const trusted = testWidget(keys, '@deqing/trusted-desk', { title: '农机' });
    const { fetchImpl } = server(cadre, 'pw', [trusted]);
    const { load } = setup(fetchImpl);
    await signIn('li', 'pw');
    expect((await screen.findByRole('heading', { level: 2, name: /^工作台页/ })).textContent).toBe(
      '工作台页 @deqing/trusted-desk /',
    );
    expect(load).toHaveBeenCalledWith(expect.objectContaining({ name: '@deqing/trusted-desk' }), './Admin');
    expect(document.querySelector('iframe')).toBeNull();
  });

  it('enrols a county admin’s second factor at the first sign-in, then lets them in', async () => {
    const calls: { url: string; body: unknown; csrf: string | null }[] = [];
    let stage: 'out' | 'enrolling' | 'in' = 'out';
    const user = { name: 'dq', displayName: '德清县管理员', role: 'county-admin', division: '330521' };
    const session = (mfa: string) => ({ user: { ...user, household: null }, csrfToken: 'c9', mfa });
    const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      const body = init?.body ? JSON.parse(String(init.body)) : undefined;
      calls.push({ url, body, csrf: new Headers(init?.headers).get('x-csrf-token') });
      if (url === '/api/auth/me')
        return stage === 'in'
          ? answer(200, session('passed'))
          : answer(401, refusal('SHELL_ERR_UNAUTHORIZED', 'not signed in', '请先登录'));
      if (url === '/api/auth/login') {
        stage = 'enrolling';
        return answer(200, session('enrolment-required'));
      }
      if (url === '/api/auth/totp/setup' && stage === 'enrolling')
        return answer(200, {
          secret: 'JBSWY3DPEHPK3PXP',
          otpauthUri: 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP',
        });
      if (url === '/api/auth/totp/enable') {
        if (body.code !== '123456')
          return answer(
            401,
            refusal('SHELL_ERR_BAD_TOTP', 'the code is wrong', '动态口令错误、已过期或已使用'),
          );
        stage = 'in';
        return answer(200, session('passed'));
      }
      if (url === `/api/portals/${VILLAGE}/snapshot`)
        return answer(200, makeSnapshot(keys, [standard('@cunmen/complaints')]));
      return answer(404, refusal('SHELL_ERR_NOT_FOUND', 'not found', '没有找到'));
    }) as typeof fetch;
    setup(fetchImpl);
    await signIn('dq', 'pw');
    expect((await screen.findByTestId('totp-secret')).textContent).toBe('JBSWY3DPEHPK3PXP');
    fireEvent.change(screen.getByLabelText(/动态口令/), { target: { value: '000000' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '验证' })));
    expect((await screen.findByRole('alert')).textContent).toBe('动态口令错误、已过期或已使用');
    fireEvent.change(screen.getByLabelText(/动态口令/), { target: { value: '123456' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '验证' })));
    expect((await screen.findByText(/^已登录/)).textContent).toBe('已登录：德清县管理员');
    expect(calls.filter((c) => c.url.startsWith('/api/auth/totp')).map((c) => [c.url, c.csrf])).toEqual([
      ['/api/auth/totp/setup', 'c9'],
      ['/api/auth/totp/enable', 'c9'],
      ['/api/auth/totp/enable', 'c9'],
    ]);
  });
});
