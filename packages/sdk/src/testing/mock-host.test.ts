import { CAPABILITY_IDS, type Capability } from '@cunmen/manifest';
import { describe, expect, it, vi } from 'vitest';
import { CapabilityDeniedError, HostError } from '../core/errors.js';
import { createEventHub } from '../core/events.js';
import type { HostApi } from '../core/host-api.js';
import { createMockHost, type MockStorage } from './mock-host.js';

declare module '@cunmen/sdk' {
  interface CunmenEvents {
    'waste.booked': { id: string };
  }
}

/** A Storage stand-in (the node test environment has no localStorage). */
function memoryStorage(): MockStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => {
      data.set(key, value);
    },
    removeItem: (key) => {
      data.delete(key);
    },
  };
}

const guarded: Array<[string, Capability, (api: HostApi) => Promise<unknown>]> = [
  ['me', 'user.read', (api) => api.me()],
  ['store.list', 'store.read', (api) => api.store.list('bookings')],
  ['store.get', 'store.read', (api) => api.store.get('bookings', 'doc-1')],
  ['store.create', 'store.write', (api) => api.store.create('bookings', { a: 1 })],
  ['store.put', 'store.write', (api) => api.store.put('bookings', 'doc-1', { a: 1 })],
  ['store.remove', 'store.write', (api) => api.store.remove('bookings', 'doc-1')],
  ['forms.submit', 'form.submit', (api) => api.forms.submit('signup', { a: 1 })],
  ['points.request', 'points.request', (api) => api.points.request({ item: '志愿服务' })],
  [
    'media.upload',
    'media.upload',
    // A photo type: the mock refuses other types like the server (SHELL_ERR_MEDIA_TYPE).
    (api) => api.media.upload(new Blob(['x'], { type: 'image/jpeg' }), { filename: 'a.jpg' }),
  ],
];

describe('MockHost defaults', () => {
  it('runs in 德清县某村 as a resident, in zh-CN, not in elderly mode', () => {
    const host = createMockHost();
    expect(host.village).toMatchObject({ code: '330521001001', name: '德清县某村' });
    expect(host.user).toMatchObject({ role: 'resident' });
    expect(host.locale).toBe('zh-CN');
    expect(host.elderly.get()).toBe(false);
    expect(host.widget.capabilities).toEqual(CAPABILITY_IDS);
  });

  it('hides the user from a widget without user.read', () => {
    expect(createMockHost({ capabilities: ['store.read'] }).user).toBeNull();
  });

  it('freezes the config', () => {
    const host = createMockHost({ config: { title: '预约' } });
    expect(host.config).toEqual({ title: '预约' });
    expect(Object.isFrozen(host.config)).toBe(true);
  });
});

describe('MockHost capability enforcement', () => {
  it.each(guarded)(
    '%s without %s → CapabilityDeniedError (403), recorded',
    async (method, capability, run) => {
      const host = createMockHost({ capabilities: CAPABILITY_IDS.filter((c) => c !== capability) });
      const error = await run(host.api).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CapabilityDeniedError);
      expect(error).toMatchObject({ code: 'SDK_ERR_CAPABILITY_DENIED', capability, status: 403 });
      expect(host.calls).toEqual([expect.objectContaining({ method, outcome: 'error', error })]);
      expect(host.submissions).toHaveLength(0);
      expect(host.pointsRequests).toHaveLength(0);
      expect(host.uploads).toHaveLength(0);
    },
  );

  it.each(guarded)('%s with %s granted succeeds', async (method, capability, run) => {
    const host = createMockHost({ capabilities: [capability] });
    await expect(run(host.api)).resolves.not.toBeInstanceOf(Error);
    expect(host.calls).toEqual([expect.objectContaining({ method, outcome: 'ok' })]);
  });

  it('denies events.publish like the server would, and lets subscribing through', () => {
    const host = createMockHost({ capabilities: [] });
    const handler = vi.fn();
    host.events.subscribe('navigation', handler);
    expect(() => host.events.publish('navigation', { to: '/' })).toThrow(CapabilityDeniedError);
    host.navigate('/w/x');
    expect(handler).toHaveBeenCalledWith({ to: '/w/x' }, { name: 'navigation', source: 'host' });
    expect(host.published).toEqual([]);
  });

  it('checks arguments the same way as the HTTP client, before the capability', async () => {
    const host = createMockHost({ capabilities: [] });
    await expect(host.api.store.list('Bad Name')).rejects.toMatchObject({ code: 'SDK_ERR_INVALID_ARGUMENT' });
  });
});

describe('MockHost store', () => {
  it('creates version 1 documents with ids and timestamps, and copies data in and out', async () => {
    const host = createMockHost({ now: () => new Date('2025-03-01T08:00:00.000Z') });
    const data = { name: '旧沙发', tags: ['bulky'] };
    const doc = await host.api.store.create('bookings', data);
    expect(doc).toEqual({
      id: 'doc-1',
      data: { name: '旧沙发', tags: ['bulky'] },
      version: 1,
      createdAt: '2025-03-01T08:00:00.000Z',
      updatedAt: '2025-03-01T08:00:00.000Z',
    });
    data.tags.push('mutated after create');
    doc.data.tags.push('mutated result');
    await expect(host.api.store.get('bookings', 'doc-1')).resolves.toMatchObject({
      data: { tags: ['bulky'] },
    });
  });

  it('get resolves null for a missing document; collections are separate', async () => {
    const host = createMockHost();
    await host.api.store.create('bookings', { a: 1 });
    await expect(host.api.store.get('bookings', 'nope')).resolves.toBeNull();
    await expect(host.api.store.get('other', 'doc-1')).resolves.toBeNull();
  });

  it('pages newest first with a cursor until nextCursor is null', async () => {
    const host = createMockHost();
    host.seed(
      'bookings',
      [1, 2, 3, 4, 5].map((n) => ({ n })),
    );
    const first = await host.api.store.list<{ n: number }>('bookings', { limit: 2 });
    expect(first.items.map((d) => d.data.n)).toEqual([5, 4]);
    expect(first.nextCursor).not.toBeNull();
    const second = await host.api.store.list<{ n: number }>('bookings', {
      limit: 2,
      cursor: first.nextCursor,
    });
    expect(second.items.map((d) => d.data.n)).toEqual([3, 2]);
    const third = await host.api.store.list<{ n: number }>('bookings', {
      limit: 2,
      cursor: second.nextCursor,
    });
    expect(third.items.map((d) => d.data.n)).toEqual([1]);
    expect(third.nextCursor).toBeNull();
  });

  it('keeps pages stable when documents are created between pages', async () => {
    const host = createMockHost();
    host.seed(
      'bookings',
      [1, 2, 3].map((n) => ({ n })),
    );
    const first = await host.api.store.list<{ n: number }>('bookings', { limit: 2 });
    await host.api.store.create('bookings', { n: 4 });
    const second = await host.api.store.list<{ n: number }>('bookings', {
      limit: 2,
      cursor: first.nextCursor,
    });
    expect(second.items.map((d) => d.data.n)).toEqual([1]);
  });

  it('an exact last page has no next cursor', async () => {
    const host = createMockHost();
    host.seed(
      'bookings',
      [1, 2].map((n) => ({ n })),
    );
    await expect(host.api.store.list('bookings', { limit: 2 })).resolves.toMatchObject({ nextCursor: null });
  });

  it('rejects a cursor it did not issue with SHELL_ERR_INVALID_ARGUMENT (400)', async () => {
    const host = createMockHost();
    await expect(host.api.store.list('bookings', { cursor: 'forged' })).rejects.toMatchObject({
      code: 'SHELL_ERR_INVALID_ARGUMENT',
      status: 400,
    });
  });

  it('put bumps the version; a stale ifVersion is SHELL_ERR_VERSION_CONFLICT (409) and changes nothing', async () => {
    const host = createMockHost();
    const doc = await host.api.store.create('bookings', { state: 'new' });
    const updated = await host.api.store.put('bookings', doc.id, { state: 'done' }, { ifVersion: 1 });
    expect(updated.version).toBe(2);
    const error = await host.api.store
      .put('bookings', doc.id, { state: 'lost' }, { ifVersion: 1 })
      .catch((e) => e);
    expect(error).toBeInstanceOf(HostError);
    expect(error).toMatchObject({ code: 'SHELL_ERR_VERSION_CONFLICT', status: 409 });
    expect(host.docs('bookings')).toEqual([expect.objectContaining({ version: 2, data: { state: 'done' } })]);
  });

  it('put creates a missing document without ifVersion, and conflicts with one', async () => {
    const host = createMockHost();
    await expect(host.api.store.put('settings', 'main', { on: true })).resolves.toMatchObject({
      id: 'main',
      version: 1,
    });
    await expect(
      host.api.store.put('settings', 'other', { on: true }, { ifVersion: 1 }),
    ).rejects.toMatchObject({
      code: 'SHELL_ERR_VERSION_CONFLICT',
      status: 409,
    });
  });

  it('remove deletes, and is fine when already gone', async () => {
    const host = createMockHost();
    const doc = await host.api.store.create('bookings', {});
    await host.api.store.remove('bookings', doc.id);
    await expect(host.api.store.remove('bookings', doc.id)).resolves.toBeUndefined();
    expect(host.docs('bookings')).toEqual([]);
  });
});

describe('MockHost records', () => {
  it('records form submissions, points requests, uploads and navigations', async () => {
    const onNavigate = vi.fn();
    const host = createMockHost({ onNavigate, now: () => new Date('2025-03-01T00:00:00.000Z') });
    const receipt = await host.api.forms.submit('waste-pickup', { day: '周二' });
    expect(host.submissions).toEqual([{ ...receipt, formId: 'waste-pickup', data: { day: '周二' } }]);

    const photo = await host.api.media.upload(new Blob(['jpeg'], { type: 'image/jpeg' }), {
      filename: '垃圾.jpg',
    });
    expect(host.uploads).toEqual([
      expect.objectContaining({ id: photo.id, filename: '垃圾.jpg', type: 'image/jpeg', size: 4 }),
    ]);
    expect(photo.url).toMatch(/^(blob:|mock:)/);

    const points = await host.api.points.request({ item: '垃圾分类', evidence: [photo.id] });
    expect(points).toMatchObject({ status: 'pending' });
    expect(host.pointsRequests).toEqual([
      {
        ...points,
        request: { item: '垃圾分类', evidence: [photo.id] },
        requestedAt: '2025-03-01T00:00:00.000Z',
      },
    ]);

    host.navigate('/w/waste');
    expect(host.navigations).toEqual(['/w/waste']);
    expect(onNavigate).toHaveBeenCalledWith('/w/waste');
    expect(host.calls.map((c) => c.method)).toEqual(['forms.submit', 'media.upload', 'points.request']);
  });

  it('records published events', () => {
    const host = createMockHost();
    host.events.publish('waste.booked', { id: 'b1' });
    expect(host.published).toEqual([{ name: 'waste.booked', payload: { id: 'b1' } }]);
  });

  it('shares a hub between mock hosts', () => {
    const hub = createEventHub();
    const a = createMockHost({ eventHub: hub, widget: { name: '@deqing/a' } });
    const b = createMockHost({ eventHub: hub, widget: { name: '@deqing/b' } });
    const handler = vi.fn();
    b.events.subscribe('waste.booked', handler);
    a.events.publish('waste.booked', { id: 'x' });
    expect(handler).toHaveBeenCalledWith({ id: 'x' }, { name: 'waste.booked', source: '@deqing/a' });
  });

  it('failNext makes the next call of that method fail once', async () => {
    const host = createMockHost();
    host.failNext('forms.submit');
    await expect(host.api.forms.submit('signup', {})).rejects.toMatchObject({ code: 'SDK_ERR_NETWORK' });
    await expect(host.api.forms.submit('signup', {})).resolves.toMatchObject({ id: expect.any(String) });
  });

  it('elderly changes are emitted as elderly.changed', () => {
    const host = createMockHost();
    const handler = vi.fn();
    host.events.subscribe('elderly.changed', handler);
    host.elderly.set(true);
    expect(handler).toHaveBeenCalledWith({ elderly: true }, { name: 'elderly.changed', source: 'host' });
  });

  it('simulates latency', async () => {
    vi.useFakeTimers();
    try {
      const host = createMockHost({ latencyMs: 300 });
      let done = false;
      const call = host.api.me().then(() => {
        done = true;
      });
      await vi.advanceTimersByTimeAsync(299);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await call;
      expect(done).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('MockHost persistence', () => {
  it('keeps documents, submissions, points requests and elderly mode across reloads', async () => {
    const storage = memoryStorage();
    const first = createMockHost({ persist: storage });
    await first.api.store.create('bookings', { n: 1 });
    await first.api.forms.submit('signup', { who: '张*华' });
    await first.api.points.request({ item: '志愿服务' });
    first.elderly.set(true);

    const second = createMockHost({ persist: storage });
    expect(second.docs('bookings')).toEqual([expect.objectContaining({ id: 'doc-1', data: { n: 1 } })]);
    expect(second.submissions).toEqual([
      expect.objectContaining({ formId: 'signup', data: { who: '张*华' } }),
    ]);
    expect(second.pointsRequests).toEqual([expect.objectContaining({ request: { item: '志愿服务' } })]);
    expect(second.elderly.get()).toBe(true);
    const next = await second.api.store.create('bookings', { n: 2 });
    expect(next.id).toBe('doc-2');
    expect(storage.data.has('cunmen:mock-host:@cunmen/example-widget:330521001001')).toBe(true);
  });

  it('keeps widgets and villages apart', async () => {
    const storage = memoryStorage();
    await createMockHost({ persist: storage, widget: { name: '@deqing/a' } }).api.store.create(
      'bookings',
      {},
    );
    expect(createMockHost({ persist: storage, widget: { name: '@deqing/b' } }).docs('bookings')).toEqual([]);
  });

  it('starts fresh on unreadable data, and reset forgets everything', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const storage = memoryStorage();
    storage.setItem('k', '{not json');
    const host = createMockHost({ persist: storage, persistKey: 'k' });
    expect(host.docs('bookings')).toEqual([]);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
    await host.api.store.create('bookings', {});
    host.reset();
    expect(host.docs('bookings')).toEqual([]);
    expect(host.calls).toEqual([]);
    expect(storage.getItem('k')).toBeNull();
  });
});
