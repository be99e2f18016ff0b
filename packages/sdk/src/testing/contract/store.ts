/** The contract of the widget's document store: versions, conflicts, pages, limits, sign-in. */
import { MAX_DOC_BYTES, MAX_JSON_BODY_BYTES } from '@cunmen/host-api';
import { describe, expect, it } from 'vitest';
import { expectRefusal, freshCollection, type GetHost } from './host.js';

export function storeContract(host: GetHost): void {
  describe('store', () => {
    it('creates, reads, replaces with ifVersion and removes a document', async () => {
      const { resident: api } = host();
      const c = freshCollection('bookings');
      const doc = await api.store.create(c, { kind: 'bulky', quantity: 2 });
      expect(doc).toEqual({
        id: expect.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]*$/),
        data: { kind: 'bulky', quantity: 2 },
        version: 1,
        createdAt: expect.any(String),
        updatedAt: doc.createdAt,
      });
      expect(await api.store.get(c, doc.id)).toEqual(doc);

      const v2 = await api.store.put(c, doc.id, { kind: 'bulky', quantity: 3 }, { ifVersion: 1 });
      expect(v2).toMatchObject({ id: doc.id, version: 2, data: { quantity: 3 }, createdAt: doc.createdAt });
      await expectRefusal(api.store.put(c, doc.id, { quantity: 9 }, { ifVersion: 1 }), {
        code: 'SHELL_ERR_VERSION_CONFLICT',
        status: 409,
        field: 'ifVersion',
      });
      expect((await api.store.get<{ quantity: number }>(c, doc.id))?.data.quantity).toBe(3);

      await expectRefusal(api.store.put(c, 'missing-1', 1, { ifVersion: 1 }), {
        code: 'SHELL_ERR_VERSION_CONFLICT',
        status: 409,
      });
      expect(await api.store.put(c, 'made-1', 'x')).toMatchObject({ id: 'made-1', version: 1, data: 'x' });

      await api.store.remove(c, doc.id);
      await expect(api.store.remove(c, doc.id)).resolves.toBeUndefined();
      expect(await api.store.get(c, doc.id)).toBeNull();
    });

    it('lists newest first in pages until nextCursor is null, and refuses a cursor it did not issue', async () => {
      const { resident: api } = host();
      const c = freshCollection('pages');
      for (const i of [1, 2, 3]) await api.store.create(c, { i });
      const first = await api.store.list<{ i: number }>(c, { limit: 2 });
      expect(first.items.map((d) => d.data.i)).toEqual([3, 2]);
      expect(first.nextCursor).toEqual(expect.any(String));
      const second = await api.store.list<{ i: number }>(c, { limit: 2, cursor: first.nextCursor });
      expect(second).toMatchObject({ items: [{ data: { i: 1 } }], nextCursor: null });
      expect((await api.store.list(c)).items).toHaveLength(3);
      await expectRefusal(api.store.list(c, { cursor: 'forged' }), {
        code: 'SHELL_ERR_INVALID_ARGUMENT',
        status: 400,
        field: 'cursor',
      });
    });

    it(`refuses a document over ${MAX_DOC_BYTES} bytes of JSON, and a body over ${MAX_JSON_BODY_BYTES}`, async () => {
      const { resident: api } = host();
      const c = freshCollection('big');
      await expectRefusal(api.store.create(c, 'x'.repeat(MAX_DOC_BYTES)), {
        code: 'SHELL_ERR_DOC_TOO_LARGE',
        status: 413,
        field: 'data',
      });
      await expectRefusal(api.store.put(c, 'a', 'x'.repeat(MAX_JSON_BODY_BYTES)), {
        code: 'SHELL_ERR_BODY_TOO_LARGE',
        status: 413,
      });
      expect((await api.store.create(c, 'x'.repeat(MAX_DOC_BYTES - 2))).version).toBe(1);
      expect((await api.store.list(c)).items).toHaveLength(1);
    });

    it('lets only a signed-in user write, and read a collection not declared public', async () => {
      const { anonymous } = host();
      const c = freshCollection('anonymous');
      // One call at a time: a refusal created before its handler is attached is an unhandled rejection.
      for (const write of [
        () => anonymous.store.create(c, {}),
        () => anonymous.store.put(c, 'a', {}),
        () => anonymous.store.remove(c, 'a'),
      ]) {
        await expectRefusal(write(), { code: 'SHELL_ERR_SIGN_IN_REQUIRED', status: 401 });
      }
      // An undeclared collection is `owner`: an anonymous visitor reads nothing of it.
      await expectRefusal(anonymous.store.list(c), { code: 'SHELL_ERR_SIGN_IN_REQUIRED', status: 401 });
      await expectRefusal(anonymous.store.get(c, 'a'), { code: 'SHELL_ERR_SIGN_IN_REQUIRED', status: 401 });
      expect(await anonymous.me()).toBeNull();
    });
  });
}
