// @vitest-environment happy-dom
import type { SnapshotWidget } from '@cunmen/manifest';
import { defineCadrePage, useHost } from '@cunmen/sdk';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeKeys, makeSnapshot } from '../../test/snapshot-fixture.js';
import { testWidget } from '../../test/widgets.js';
import { elderlyModeFor } from '../boot.js';
import type { LoadResult, PortalFederation } from '../federation/instance.js';
import { Portal } from '../portal/Portal.js';

/** The shell server's one error body. */
const refusal = (code: string, error: string, message: string) => ({
  error,
  code,
  message,
  requestId: 'req-1',
});

const keys = makeKeys();
const base = '/v/330521001001';

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

/** A shell server with one account: `/api/auth/me` knows it only after a right password. */
function server(account: Account, password: string) {
  let signedIn = false;
  const calls: { url: string; body: unknown }[] = [];
  const answer = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
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
      if (body.name === account.name && body.password === password) {
        signedIn = true;
        return answer(200, session());
      }
      return answer(401, refusal('SHELL_ERR_BAD_LOGIN', 'wrong user name or password', '用户名或密码错误'));
    }
    if (url === '/api/auth/logout') {
      signedIn = false;
      return answer(200, { ok: true });
    }
    return answer(404, { code: 'SHELL_ERR_NOT_FOUND' });
  }) as typeof fetch;
  return { fetchImpl, calls };
}

function setup(widgets: SnapshotWidget[], fetchImpl: typeof fetch, path = `${base}/cadre`) {
  window.history.replaceState(null, '', path);
  const snapshot = makeSnapshot(keys, widgets);
  const load = vi.fn(
    async (widget: SnapshotWidget, expose: string): Promise<LoadResult> =>
      expose === './Admin'
        ? { ok: true, module: { default: defineCadrePage(Desk) } }
        : { ok: false, error: `not in this test: ${widget.name} ${expose}` },
  );
  const federation: PortalFederation = { load };
  render(
    <Portal
      snapshot={snapshot}
      base={base}
      locale="zh-CN"
      elderly={elderlyModeFor(snapshot)}
      federation={federation}
      fetch={fetchImpl}
    />,
  );
  return { load };
}

async function signIn(name: string, password: string) {
  fireEvent.change(await screen.findByLabelText(/账号/), { target: { value: name } });
  fireEvent.change(screen.getByLabelText(/密码/), { target: { value: password } });
  await act(async () => fireEvent.click(screen.getByRole('button', { name: '登录' })));
}

describe('the cadre console', () => {
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
    const cadre = { name: 'li', displayName: '李书记', role: 'village-cadre', division: '330521001001' };
    const { fetchImpl } = server(cadre, 'right password');
    const { load } = setup(
      [testWidget(keys, '@cunmen/complaints', { title: '接诉即办' })],
      fetchImpl,
      `${base}/cadre/complaints/case/7`,
    );
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toMatch(/^村干部工作台/);
    expect(load).not.toHaveBeenCalled();
    await signIn('li', 'wrong');
    expect((await screen.findByRole('alert')).textContent).toBe('用户名或密码错误');
    await signIn('li', 'right password');
    expect((await screen.findByText(/^已登录/)).textContent).toBe('已登录：李书记');
    expect((await screen.findByRole('heading', { level: 2 })).textContent).toBe(
      '工作台页 @cunmen/complaints /case/7',
    );
    expect(screen.getByRole('link', { name: '管理' }).getAttribute('aria-current')).toBe('page');
    expect(load).toHaveBeenCalledWith(expect.objectContaining({ name: '@cunmen/complaints' }), './Admin');
    // No resident bottom navigation inside the console.
    expect(screen.queryByRole('navigation', { name: '底部导航' })).toBeNull();
  });

  it('refuses a resident and an account of another village without loading any cadre page', async () => {
    for (const account of [
      { name: 'zhang', displayName: '张建华', role: 'resident', division: '330521001001' },
      { name: 'wang', displayName: '王书记', role: 'village-cadre', division: '330521003201' },
    ]) {
      const { fetchImpl } = server(account, 'pw');
      const { load } = setup([testWidget(keys, '@cunmen/complaints')], fetchImpl);
      await signIn(account.name, 'pw');
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toMatch(account.role === 'resident' ? /不是村干部/ : /无权管理/);
      expect(load).not.toHaveBeenCalled();
      cleanup();
    }
  });

  it('lets township staff of the village’s township in, and signs out', async () => {
    const staff = { name: 'mo', displayName: '莫干山镇', role: 'township-staff', division: '330521001' };
    const { fetchImpl, calls } = server(staff, 'pw');
    setup([testWidget(keys, '@cunmen/complaints')], fetchImpl);
    await signIn('mo', 'pw');
    expect((await screen.findByRole('heading', { level: 2 })).textContent).toBe(
      '工作台页 @cunmen/complaints /',
    );
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '退出登录' })));
    expect((await screen.findByLabelText(/账号/)).getAttribute('autocomplete')).toBe('username');
    expect(calls.some((c) => c.url === '/api/auth/logout')).toBe(true);
  });

  it('enrols a county admin’s second factor at the first sign-in, then lets them in', async () => {
    const calls: { url: string; body: unknown; csrf: string | null }[] = [];
    let stage: 'out' | 'enrolling' | 'in' = 'out';
    const user = {
      name: 'dq',
      displayName: '德清县管理员',
      role: 'county-admin',
      division: '330521',
      household: null,
    };
    const answer = (status: number, body: unknown) =>
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      const body = init?.body ? JSON.parse(String(init.body)) : undefined;
      calls.push({ url, body, csrf: new Headers(init?.headers).get('x-csrf-token') });
      if (url === '/api/auth/me')
        return answer(401, refusal('SHELL_ERR_UNAUTHORIZED', 'not signed in', '请先登录'));
      if (url === '/api/auth/login') {
        stage = 'enrolling';
        return answer(200, { user, csrfToken: 'c9', mfa: 'enrolment-required' });
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
        return answer(200, { user, csrfToken: 'c9', mfa: 'passed' });
      }
      return answer(404, { code: 'SHELL_ERR_NOT_FOUND' });
    }) as typeof fetch;
    setup([testWidget(keys, '@cunmen/complaints')], fetchImpl, '/v/330521001001/cadre');
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
