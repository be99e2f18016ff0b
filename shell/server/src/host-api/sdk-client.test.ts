/** `createHttpHostApi` from `@cunmen/sdk` (a test-only dependency) against the real server, over a real port. */
import { CapabilityDeniedError, createHttpHostApi, isCapabilityDenied } from '@cunmen/sdk';
import { describe, expect, it } from 'vitest';
import {
  addUser,
  credentialsOverHttp,
  hostApiWorld,
  MACHINERY,
  PNG,
  placeWidgets,
  signInOverHttp,
  WASTE,
} from '../../test/host-api.js';
import { admin, startShell, XIANTAN } from '../../test/shell.js';

const w = hostApiWorld();

describe('the SDK client against the server', () => {
  it('createHttpHostApi from @cunmen/sdk speaks the same protocol, over a real port', async () => {
    const server = await startShell({
      registryUrl: w.registry.url,
      registryToken: w.registry.tokens.province,
    });
    try {
      await placeWidgets(server);
      await addUser(server, ['wangwu', '王小五', 'resident', 'H-0099']);
      const address = await server.app.listen({ port: 0, host: '127.0.0.1' });
      const session = await signInOverHttp(address, 'wangwu');
      // What shell/web's boot code does: one page load, one exchange, each widget its own credential.
      const credentials = await credentialsOverHttp(address, session);
      const credential = (widget: string) => async () => credentials[widget] as string;
      const api = createHttpHostApi({ baseUrl: address, credential: credential(WASTE) });

      expect(await api.me()).toEqual({
        id: expect.any(String),
        displayName: '王**',
        role: 'resident',
        householdId: 'H-0099',
      });
      const doc = await api.store.create('bookings', { kind: 'bulky' });
      expect(doc).toMatchObject({ version: 1, data: { kind: 'bulky' } });
      expect(await api.store.get('bookings', doc.id)).toEqual(doc);
      expect(await api.store.get('bookings', 'no-such-doc')).toBeNull();
      const v2 = await api.store.put('bookings', doc.id, { kind: 'recyclable' }, { ifVersion: 1 });
      expect(v2.version).toBe(2);
      const conflict = await api.store.put('bookings', doc.id, {}, { ifVersion: 1 }).catch((e: unknown) => e);
      expect(conflict).toMatchObject({
        code: 'SHELL_ERR_VERSION_CONFLICT',
        status: 409,
        message: '数据已被他人修改，请刷新后重试',
      });
      await api.store.create('bookings', { kind: 'second' });
      const first = await api.store.list('bookings', { limit: 1 });
      expect(first.items.map((d) => (d.data as { kind: string }).kind)).toEqual(['second']);
      const rest = await api.store.list('bookings', { limit: 1, cursor: first.nextCursor });
      expect(rest.items[0]?.id).toBe(doc.id);
      expect(rest.nextCursor).toBeNull();
      await api.store.remove('bookings', doc.id);
      await api.store.remove('bookings', doc.id);
      expect(await api.store.get('bookings', doc.id)).toBeNull();
      expect(await api.forms.submit('pickup', { kind: 'bulky' })).toEqual({
        id: expect.any(String),
        receivedAt: expect.any(String),
      });
      const photo = await api.media.upload(new Blob([PNG], { type: 'image/png' }), { filename: '照片.png' });
      expect(photo.url).toBe(`/api/host/v1/media/${photo.id}`);
      // This shell's village has adopted no points rule book: the module's refusal reaches the client
      // as it was sent (the queued case: routes/points-requests.test.ts, contract.test.ts).
      const noRuleBook = await api.points
        .request({ item: '垃圾分类', evidence: [photo.id] })
        .catch((e: unknown) => e);
      expect(noRuleBook).toMatchObject({ code: 'POINTS_ERR_NO_RULEBOOK', status: 409 });
      const wrongType = await api.media
        .upload(new Blob(['hi'], { type: 'text/plain' }), { filename: 'a.txt' })
        .catch((e: unknown) => e);
      expect(wrongType).toMatchObject({ code: 'SHELL_ERR_MEDIA_TYPE', status: 415 });

      const machinery = createHttpHostApi({ baseUrl: address, credential: credential(MACHINERY) });
      const denied = await machinery.store.create('owners', { name: '张三' }).catch((e: unknown) => e);
      expect(isCapabilityDenied(denied)).toBe(true);
      expect(denied).toBeInstanceOf(CapabilityDeniedError);
      expect(denied).toMatchObject({ capability: 'store.write', status: 403, requestId: expect.any(String) });
      expect((await machinery.store.list('owners')).items).toEqual([]);

      // The portal drops the widget: its credential stops working at once, and no new one is issued.
      const held = createHttpHostApi({ baseUrl: address, credential: await credential(WASTE)() });
      expect((await held.store.list('bookings')).items.length).toBe(1);
      const dropped = await server.app.inject({
        method: 'PUT',
        url: `/api/portals/${XIANTAN}`,
        headers: admin,
        payload: {
          widgets: [{ name: MACHINERY, version: '1.0.0', placements: [{ slot: 'village.home.tile/v1' }] }],
          baseVersion: await server.app.shell.storage.portals.currentVersion(XIANTAN),
        },
      });
      expect(dropped.statusCode).toBe(200);
      expect(await held.store.list('bookings').catch((e: unknown) => e)).toMatchObject({
        code: 'SHELL_ERR_TOKEN_EXPIRED',
        status: 401,
      });
      // The next page load has no credential for the widget the portal dropped.
      expect((await credentialsOverHttp(address))[WASTE]).toBeUndefined();

      const stale = createHttpHostApi({ baseUrl: address, credential: 'cmw1.e30.AAAA' });
      expect(await stale.store.list('owners').catch((e: unknown) => e)).toMatchObject({
        code: 'SHELL_ERR_TOKEN_INVALID',
        status: 401,
      });
    } finally {
      await server.close();
    }
  });
});
