/** Bad names and arguments: refused by the SDK before anything is sent, naming the argument. */
import { MAX_PAGE_LIMIT, MAX_POINTS_QUANTITY } from '@cunmen/host-api';
import { describe, it } from 'vitest';
import type { HostApi } from '../../core/host-api.js';
import { expectRefusal, type GetHost, tinyPng } from './host.js';

const cases: Array<[string, string, (api: HostApi) => Promise<unknown>]> = [
  ['an upper-case collection', 'collection', (api) => api.store.list('Bookings')],
  ['a collection with a slash', 'collection', (api) => api.store.create('a/b', {})],
  ['a 64-character collection', 'collection', (api) => api.store.list(`a${'b'.repeat(63)}`)],
  ['an id with ..', 'id', (api) => api.store.get('bookings', '../x')],
  ['an empty id', 'id', (api) => api.store.remove('bookings', '')],
  ['limit 0', 'limit', (api) => api.store.list('bookings', { limit: 0 })],
  [
    `limit ${MAX_PAGE_LIMIT + 1}`,
    'limit',
    (api) => api.store.list('bookings', { limit: MAX_PAGE_LIMIT + 1 }),
  ],
  ['an empty cursor', 'cursor', (api) => api.store.list('bookings', { cursor: '' })],
  ['ifVersion 0', 'ifVersion', (api) => api.store.put('bookings', 'a', {}, { ifVersion: 0 })],
  ['undefined data', 'data', (api) => api.store.create('bookings', undefined)],
  ['a form id with a space', 'formId', (api) => api.forms.submit('Sign Up', {})],
  ['a blank points item', 'item', (api) => api.points.request({ item: ' ' })],
  ['a fractional quantity', 'quantity', (api) => api.points.request({ item: 'x', quantity: 1.5 })],
  [
    `a quantity over ${MAX_POINTS_QUANTITY}`,
    'quantity',
    (api) => api.points.request({ item: 'x', quantity: MAX_POINTS_QUANTITY + 1 }),
  ],
  ['a bad evidence id', 'evidence[0]', (api) => api.points.request({ item: 'x', evidence: ['a b'] })],
  ['a file name with a path', 'filename', (api) => api.media.upload(tinyPng(), { filename: '../a.png' })],
];

export function argumentContract(host: GetHost): void {
  describe('bad names and arguments', () => {
    it.each(cases)('%s → SDK_ERR_INVALID_ARGUMENT naming %s', async (_, field, run) => {
      await expectRefusal(run(host().resident), {
        code: 'SDK_ERR_INVALID_ARGUMENT',
        status: undefined,
        field,
      });
    });
  });
}
