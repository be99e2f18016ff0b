/**
 * The cadre frame's bridge, both ends wired through two fake windows (structured-cloned messages with
 * their `source`, as `postMessage` delivers them): the frame's host-API calls reach the server with the
 * widget's credential, which never crosses to the frame; refusals keep their class and fields; calls
 * outside the narrowed list, `module.*`, and messages from any other window get nothing.
 */
import { CapabilityDeniedError, createHttpHostApi, HostError } from '@cunmen/sdk';
import { describe, expect, it, vi } from 'vitest';
import { bridgedHostApi, parentChannel } from '../frame/frame-host.js';
import { serveCadreBridge } from './bridge.js';
import { BRIDGE_TAG } from './bridge-protocol.js';

type FakeWindow = EventTarget & { parent: FakeWindow; postMessage(data: unknown, origin: string): void };

function windows() {
  const sent: unknown[] = [];
  const make = () => new EventTarget() as FakeWindow;
  const consoleWin = make();
  const frameWin = make();
  const stranger = make();
  const deliver = (to: FakeWindow, from: FakeWindow) => (data: unknown) => {
    const copy = structuredClone(data);
    if (to === frameWin) sent.push(copy);
    setTimeout(() => to.dispatchEvent(Object.assign(new Event('message'), { data: copy, source: from })), 0);
  };
  frameWin.parent = consoleWin;
  consoleWin.postMessage = deliver(consoleWin, frameWin);
  frameWin.postMessage = deliver(frameWin, consoleWin);
  return { consoleWin, frameWin, stranger, sent, deliver };
}

const answer = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function setup() {
  const w = windows();
  const requests: { url: string; authorization: string | null; cookie: RequestCredentials | undefined }[] =
    [];
  const fetchImpl = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    requests.push({
      url,
      authorization: new Headers(init?.headers).get('authorization'),
      cookie: init?.credentials,
    });
    if (url.endsWith('/store/bookings?limit=5')) {
      return answer(200, { items: [{ id: 'b1', data: { n: 1 }, version: 1 }], nextCursor: null });
    }
    return answer(403, {
      error: 'denied',
      code: 'SHELL_ERR_CAPABILITY_DENIED',
      message: '本组件没有获得「form.submit」权限',
      requestId: 'r9',
    });
  });
  const api = createHttpHostApi({ baseUrl: '', credential: 'widget-credential-secret', fetch: fetchImpl });
  const navigate = vi.fn();
  const heights: number[] = [];
  const stop = serveCadreBridge(w.consoleWin as unknown as Window, {
    frame: () => w.frameWin as unknown as Window,
    init: () => ({
      snapshot: { widgets: [] } as never,
      page: { expose: './Admin', title: '管理', path: '/' },
      locale: 'zh-CN',
      elderly: false,
    }),
    apiFor: (widget) => (widget === '@yiyuan/waste-pickup' ? api : undefined),
    navigate,
    onHeight: (px) => heights.push(px),
  });
  const channel = parentChannel(w.frameWin as unknown as Window);
  return {
    ...w,
    channel,
    frameApi: bridgedHostApi(channel, '@yiyuan/waste-pickup'),
    requests,
    fetchImpl,
    navigate,
    heights,
    stop,
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the cadre frame’s bridge', () => {
  it('makes the frame’s call with the widget’s credential, which never reaches the frame', async () => {
    const s = setup();
    const page = await s.frameApi.store.list('bookings', { limit: 5 });
    expect(page.items.map((d) => d.id)).toEqual(['b1']);
    expect(s.requests).toEqual([
      {
        url: '/api/host/v1/store/bookings?limit=5',
        authorization: 'Bearer widget-credential-secret',
        cookie: undefined,
      },
    ]);
    expect(JSON.stringify(s.sent)).not.toContain('widget-credential-secret');
  });

  it('hands a refusal back with its class, code, capability and request id', async () => {
    const s = setup();
    const refused = await s.frameApi.forms.submit('booking', { a: 1 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CapabilityDeniedError);
    expect(refused).toMatchObject({
      code: 'SDK_ERR_CAPABILITY_DENIED',
      capability: 'form.submit',
      status: 403,
      requestId: 'r9',
    });
    // The SDK's own argument check runs in the console's realm too: nothing is sent.
    const bad = await s.frameApi.store.get('../etc', 'x').catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(HostError);
    expect((bad as HostError).code).toBe('SDK_ERR_INVALID_ARGUMENT');
    expect(s.fetchImpl).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['a standard module’s route', 'module.request'],
    ['minting a credential', 'widget-token'],
    ['the session', 'auth.me'],
  ])('refuses %s (%s) without a request', async (_what, method) => {
    const s = setup();
    const answers: unknown[] = [];
    s.channel.listen((m) => answers.push(m));
    s.channel.post({
      tag: BRIDGE_TAG,
      type: 'call',
      id: 7,
      widget: '@yiyuan/waste-pickup',
      method: method as never,
      args: [],
    });
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    expect(answers).toEqual([
      expect.objectContaining({
        type: 'result',
        id: 7,
        ok: false,
        error: expect.objectContaining({ code: 'SDK_ERR_INVALID_ARGUMENT' }),
      }),
    ]);
    expect(s.fetchImpl).not.toHaveBeenCalled();
  });

  it('refuses a call made as a widget the frame was not opened for, without a request', async () => {
    const s = setup();
    const asOther = bridgedHostApi(s.channel, '@cunmen/complaints');
    const refused = await asOther.store.list('cases').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(HostError);
    expect(refused).toMatchObject({ code: 'SDK_ERR_INVALID_ARGUMENT' });
    expect(s.fetchImpl).not.toHaveBeenCalled();
  });

  it('settles each widget’s own call when several widgets of one frame ask at once', async () => {
    // The composer's preview frame holds every placed widget, each with its own bridged API; all of
    // them hear every result. A store list must never be settled with another widget's answer.
    const s = setup();
    const other = bridgedHostApi(s.channel, '@yiyuan/waste-pickup');
    const [list, refused] = await Promise.all([
      s.frameApi.store.list('bookings', { limit: 5 }),
      other.forms.submit('booking', { a: 1 }).catch((e: unknown) => e),
    ]);
    expect(list.items.map((d) => d.id)).toEqual(['b1']);
    expect(refused).toBeInstanceOf(CapabilityDeniedError);
    expect(s.fetchImpl).toHaveBeenCalledTimes(2);
  });

  it('refuses api.module in the frame itself', async () => {
    const s = setup();
    await expect(s.frameApi.module.request('GET', '/cases')).rejects.toBeInstanceOf(CapabilityDeniedError);
    expect(s.fetchImpl).not.toHaveBeenCalled();
  });

  it('answers only the frame it serves, and stops when told', async () => {
    const s = setup();
    const answers: unknown[] = [];
    s.frameWin.addEventListener('message', (e) => answers.push((e as MessageEvent).data));
    // Another window (a popup, another frame) posting the same message gets nothing.
    s.deliver(
      s.consoleWin,
      s.stranger,
    )({
      tag: BRIDGE_TAG,
      type: 'call',
      id: 1,
      widget: '@yiyuan/waste-pickup',
      method: 'me',
      args: [],
    });
    s.deliver(s.consoleWin, s.stranger)({ tag: BRIDGE_TAG, type: 'ready' });
    await tick();
    expect(answers).toEqual([]);
    expect(s.fetchImpl).not.toHaveBeenCalled();

    s.channel.post({ tag: BRIDGE_TAG, type: 'ready' });
    s.channel.post({ tag: BRIDGE_TAG, type: 'navigate', to: '/booking/3' });
    s.channel.post({ tag: BRIDGE_TAG, type: 'height', px: 1e9 });
    await vi.waitFor(() => expect(s.heights).toHaveLength(1));
    expect(answers).toEqual([
      expect.objectContaining({ type: 'init', page: { expose: './Admin', title: '管理', path: '/' } }),
    ]);
    expect(s.navigate).toHaveBeenCalledWith('/booking/3');
    expect(s.heights).toEqual([20_000]);

    s.stop();
    s.channel.post({ tag: BRIDGE_TAG, type: 'ready' });
    await tick();
    expect(answers).toHaveLength(1);
  });
});
