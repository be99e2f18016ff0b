import { describe, expect, it } from 'vitest';
import { CapabilityDeniedError } from './errors.js';
import { createDeviceLocation } from './location.js';

type Success = (p: GeolocationPosition) => void;
type Failure = (e: GeolocationPositionError) => void;

function geolocation(answer: (success: Success, failure: Failure) => void) {
  const asked: PositionOptions[] = [];
  return {
    asked,
    getCurrentPosition(success: Success, failure?: Failure | null, options?: PositionOptions) {
      asked.push(options ?? {});
      answer(success, failure ?? (() => undefined));
    },
  };
}

const at = (latitude: number, longitude: number, accuracy: number) =>
  ({ coords: { latitude, longitude, accuracy }, timestamp: 0 }) as GeolocationPosition;

describe('createDeviceLocation', () => {
  it('answers the position, rounded to 6 decimals, asking with a timeout', async () => {
    const geo = geolocation((ok) => ok(at(30.544712345, 119.977598765, 18.4)));
    const location = createDeviceLocation(['location.read'], geo);
    await expect(location.request({ timeoutMs: 5000 })).resolves.toEqual({
      lat: 30.544712,
      lng: 119.977599,
      accuracy: 18,
    });
    expect(geo.asked[0]).toMatchObject({ timeout: 5000, enableHighAccuracy: true });
  });

  it('needs location.read and never asks the browser without it', async () => {
    const geo = geolocation((ok) => ok(at(1, 2, 3)));
    const error = await createDeviceLocation(['store.read'], geo)
      .request()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CapabilityDeniedError);
    expect(error).toMatchObject({ capability: 'location.read' });
    expect(geo.asked).toEqual([]);
  });

  it('turns a refusal, a failed fix and a browser without geolocation into SDK errors', async () => {
    const refuse = geolocation((_, fail) =>
      fail({ code: 1, message: 'User denied' } as GeolocationPositionError),
    );
    await expect(createDeviceLocation(['location.read'], refuse).request()).rejects.toMatchObject({
      code: 'SDK_ERR_LOCATION_DENIED',
      message: '没有获得定位授权，可以手动填写地点',
    });
    const lost = geolocation((_, fail) =>
      fail({ code: 3, message: 'Timeout expired' } as GeolocationPositionError),
    );
    await expect(createDeviceLocation(['location.read'], lost).request()).rejects.toMatchObject({
      code: 'SDK_ERR_LOCATION_UNAVAILABLE',
    });
    await expect(createDeviceLocation(['location.read'], undefined).request()).rejects.toMatchObject({
      code: 'SDK_ERR_LOCATION_UNAVAILABLE',
    });
  });
});
