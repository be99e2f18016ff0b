/** The contract of forms, points, media and the capability check every call passes first. */
import { MAX_DOC_BYTES, MAX_MEDIA_BYTES } from '@cunmen/host-api';
import { describe, expect, it } from 'vitest';
import { CapabilityDeniedError } from '../../core/errors.js';
import type { HostApi } from '../../core/host-api.js';
import { expectRefusal, freshCollection, type GetHost, tinyPng } from './host.js';

export function callsContract(host: GetHost): void {
  describe('forms, points and media', () => {
    it('receives a form submission, also from nobody signed in, within the document limit', async () => {
      const { resident, anonymous } = host();
      const receipt = await resident.forms.submit('pickup', { kind: 'bulky', address: '仙潭村 3 组' });
      expect(receipt).toEqual({ id: expect.any(String), receivedAt: expect.any(String) });
      expect(Number.isNaN(Date.parse(receipt.receivedAt))).toBe(false);
      expect(await anonymous.forms.submit('complaint', { text: '路灯坏了' })).toMatchObject({
        id: expect.any(String),
      });
      await expectRefusal(resident.forms.submit('pickup', 'x'.repeat(MAX_DOC_BYTES)), {
        code: 'SHELL_ERR_DOC_TOO_LARGE',
        status: 413,
        field: 'data',
      });
    });

    it("records a points request for the resident's household, with photos this widget uploaded", async () => {
      const { resident, anonymous } = host();
      expect(await resident.points.request({ item: '垃圾分类', quantity: 2, note: '每周' })).toEqual({
        id: expect.any(String),
        status: 'pending',
      });
      const photo = await resident.media.upload(tinyPng(), { filename: '分类.png' });
      expect(await resident.points.request({ item: '垃圾分类', evidence: [photo.id] })).toMatchObject({
        status: 'pending',
      });
      await expectRefusal(resident.points.request({ item: '垃圾分类', evidence: ['never-uploaded'] }), {
        code: 'SHELL_ERR_INVALID_ARGUMENT',
        status: 400,
        field: 'evidence[0]',
      });
      await expectRefusal(resident.points.request({ item: '垃圾分类', householdId: 'someone-else' }), {
        code: 'SHELL_ERR_FORBIDDEN',
        status: 403,
        field: 'householdId',
      });
      await expectRefusal(anonymous.points.request({ item: '垃圾分类' }), {
        code: 'SHELL_ERR_SIGN_IN_REQUIRED',
        status: 401,
      });
    });

    it('takes a photo, and refuses other types, oversized files and nobody signed in', async () => {
      const { resident, anonymous } = host();
      const photo = await resident.media.upload(tinyPng(), { filename: '旧沙发.png' });
      expect(photo).toEqual({ id: expect.any(String), url: expect.any(String) });
      for (const type of ['text/plain', 'image/svg+xml', '']) {
        await expectRefusal(resident.media.upload(new Blob(['<svg/>'], { type }), { filename: 'a.svg' }), {
          code: 'SHELL_ERR_MEDIA_TYPE',
          status: 415,
        });
      }
      const huge = new Blob([new Uint8Array(MAX_MEDIA_BYTES + 1).fill(0xff)], { type: 'image/jpeg' });
      await expectRefusal(resident.media.upload(huge, { filename: 'big.jpg' }), {
        code: 'SHELL_ERR_BODY_TOO_LARGE',
        status: 413,
      });
      await expectRefusal(anonymous.media.upload(tinyPng(), { filename: 'a.png' }), {
        code: 'SHELL_ERR_SIGN_IN_REQUIRED',
        status: 401,
      });
    });
  });

  describe('capabilities', () => {
    const c = freshCollection('denied');
    const denied: Array<[string, string, (api: HostApi) => Promise<unknown>]> = [
      ['me', 'user.read', (api) => api.me()],
      ['store.create', 'store.write', (api) => api.store.create(c, { name: '张三' })],
      ['store.put', 'store.write', (api) => api.store.put(c, 'a1', {})],
      ['store.remove', 'store.write', (api) => api.store.remove(c, 'a1')],
      ['forms.submit', 'form.submit', (api) => api.forms.submit('pickup', {})],
      ['points.request', 'points.request', (api) => api.points.request({ item: '垃圾分类' })],
      ['media.upload', 'media.upload', (api) => api.media.upload(tinyPng(), { filename: 'a.png' })],
    ];

    it.each(denied)('%s without %s → CapabilityDeniedError (403)', async (_, capability, run) => {
      const error = await expectRefusal(run(host().readOnly), {
        code: 'SDK_ERR_CAPABILITY_DENIED',
        status: 403,
      });
      expect(error).toBeInstanceOf(CapabilityDeniedError);
      expect(error).toMatchObject({ capability, requestId: expect.any(String) });
      expect(error.message).toContain(capability);
    });

    it('lets the granted capability through, and nothing was written by the denied calls', async () => {
      expect(await host().readOnly.store.list(c)).toEqual({ items: [], nextCursor: null });
    });
  });
}
