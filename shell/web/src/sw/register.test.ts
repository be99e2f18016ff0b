// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { afterLoad } from './after-load.js';
import { WARM_MESSAGE } from './policy.js';
import { registerServiceWorker, SW_SCOPE, SW_URL, warmEntries } from './register.js';

function fakeContainer(register: () => Promise<unknown>) {
  const listeners: Record<string, (() => void)[]> = {};
  const container = {
    controller: null as null | { postMessage: ReturnType<typeof vi.fn> },
    register: vi.fn(register),
    addEventListener: (type: string, fn: () => void) => {
      listeners[type] = [...(listeners[type] ?? []), fn];
    },
    fire: (type: string) => {
      for (const fn of listeners[type] ?? []) fn();
    },
  };
  return container;
}

const win = (entries: string[]) =>
  ({
    location: { origin: 'https://cunmen.example', href: 'https://cunmen.example/v/330521001001/' },
    performance: { getEntriesByType: () => entries.map((name) => ({ name })) },
  }) as unknown as Window;

describe('service worker registration', () => {
  it('does nothing without service workers, and survives a refused or throwing registration', async () => {
    expect(() => registerServiceWorker({ signed: async () => null, nav: {} as Navigator })).not.toThrow();
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const refused = fakeContainer(() => Promise.reject(new Error('SecurityError: scope not allowed')));
    registerServiceWorker({
      signed: async () => null,
      nav: { serviceWorker: refused } as unknown as Navigator,
    });
    expect(refused.register).toHaveBeenCalledWith(SW_URL, { scope: SW_SCOPE });
    await new Promise((r) => setTimeout(r, 0));
    expect(info).toHaveBeenCalledWith(expect.stringContaining('not registered'));
    const throwing = fakeContainer(() => {
      throw new Error('no');
    });
    expect(() =>
      registerServiceWorker({
        signed: async () => null,
        nav: { serviceWorker: throwing } as unknown as Navigator,
      }),
    ).not.toThrow();
    info.mockRestore();
  });

  it('tells the new worker what the page already loaded: shell files and signed widget assets only', async () => {
    const loaded = [
      'https://cunmen.example/shell/static/js/index.1234567890.js',
      'https://cunmen.example/api/host/v1/store/x',
      'https://assets.example/a/remoteEntry.js',
      'https://assets.example/unsigned.js',
    ];
    const signed = async (url: string) => (url.endsWith('remoteEntry.js') ? 'sha384-abc' : null);
    await expect(warmEntries(win(loaded), signed)).resolves.toEqual([
      { url: loaded[0] },
      { url: loaded[2], integrity: 'sha384-abc' },
    ]);
    const container = fakeContainer(() => Promise.resolve({}));
    registerServiceWorker({
      signed,
      nav: { serviceWorker: container } as unknown as Navigator,
      win: win(loaded),
      rewarmMs: 1,
    });
    const postMessage = vi.fn();
    container.controller = { postMessage };
    container.fire('controllerchange');
    await vi.waitFor(() => expect(postMessage).toHaveBeenCalledTimes(2));
    expect(postMessage.mock.calls[0]?.[0]).toMatchObject({
      type: WARM_MESSAGE,
      page: 'https://cunmen.example/v/330521001001/',
      urls: [{ url: loaded[0] }, { url: loaded[2], integrity: 'sha384-abc' }],
    });
  });

  it('registers after load, or after the cap when a request holds the load event back', async () => {
    const listeners: (() => void)[] = [];
    const loading = {
      document: { readyState: 'interactive' },
      addEventListener: (_type: string, fn: () => void) => listeners.push(fn),
    } as unknown as Window;
    const task = vi.fn();
    afterLoad(task, loading, 10);
    await new Promise((r) => setTimeout(r, 40));
    expect(task).toHaveBeenCalledTimes(1);
    for (const fn of listeners) fn();
    await new Promise((r) => setTimeout(r, 10));
    expect(task).toHaveBeenCalledTimes(1);
  });
});
