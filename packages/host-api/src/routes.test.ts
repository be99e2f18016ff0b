import { describe, expect, it } from 'vitest';
import { isMediaType, mediaTypeOf, utf8Length } from './limits.js';
import { HOST_ROUTES, hostPath, METHOD_CAPABILITIES, mediaUrl } from './routes.js';

describe('host routes', () => {
  it('fill their parameters percent-encoded', () => {
    expect(hostPath(HOST_ROUTES['store.get'], { collection: 'bookings', id: 'a b' })).toBe(
      '/store/bookings/a%20b',
    );
    expect(hostPath(HOST_ROUTES['points.request'])).toBe('/points/requests');
    expect(() => hostPath(HOST_ROUTES['store.get'], { collection: 'bookings' })).toThrow(':id');
    expect(mediaUrl('m1')).toBe('/api/host/v1/media/m1');
  });

  it('give every method its capability, module calls under module.api', () => {
    expect(METHOD_CAPABILITIES).toEqual({
      me: 'user.read',
      'store.list': 'store.read',
      'store.get': 'store.read',
      'store.create': 'store.write',
      'store.put': 'store.write',
      'store.remove': 'store.write',
      'forms.submit': 'form.submit',
      'points.request': 'points.request',
      'media.upload': 'media.upload',
      'media.get': 'store.read',
      'module.request': 'module.api',
      'module.upload': 'module.api',
      'module.download': 'module.api',
    });
    expect(Object.isFrozen(METHOD_CAPABILITIES)).toBe(true);
  });
});

describe('media types and sizes', () => {
  it('read the type of a content-type header without its parameters', () => {
    expect(mediaTypeOf('Image/PNG; charset=binary')).toBe('image/png');
    expect(mediaTypeOf(undefined)).toBe('');
    expect(isMediaType('image/webp')).toBe(true);
    expect(isMediaType('image/svg+xml')).toBe(false);
  });

  it('count UTF-8 bytes as the server does', () => {
    expect(utf8Length('"张三"')).toBe(8);
  });
});
