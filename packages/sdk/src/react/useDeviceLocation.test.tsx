// @vitest-environment happy-dom
import { act, cleanup, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { HostError } from '../core/errors.js';
import type { GeoPoint } from '../core/location.js';
import { renderWithHost } from '../testing/render-with-host.js';
import { useDeviceLocation } from './useDeviceLocation.js';

function Where() {
  const { locate, error } = useDeviceLocation();
  const [at, setAt] = useState<GeoPoint | undefined>();
  return (
    <div>
      <button type="button" onClick={async () => setAt(await locate())}>
        locate
      </button>
      <p>{at ? `at ${at.lat},${at.lng} ±${at.accuracy}` : 'nowhere'}</p>
      {error ? <p role="alert">{error.code}</p> : null}
    </div>
  );
}

describe('useDeviceLocation', () => {
  afterEach(cleanup);

  it('locates on request', async () => {
    renderWithHost(<Where />, {
      capabilities: ['location.read'],
      location: { lat: 30.5, lng: 119.9, accuracy: 25 },
    });
    await act(async () => screen.getByRole('button', { name: 'locate' }).click());
    expect(screen.getByText(/^at /).textContent).toBe('at 30.5,119.9 ±25');
  });

  it('shows a refusal and a missing capability as errors, without a position', async () => {
    for (const [capabilities, location, code] of [
      [['location.read'], new HostError({ code: 'SDK_ERR_LOCATION_DENIED' }), 'SDK_ERR_LOCATION_DENIED'],
      [[], undefined, 'SDK_ERR_CAPABILITY_DENIED'],
    ] as const) {
      renderWithHost(<Where />, { capabilities, ...(location ? { location } : {}) });
      await act(async () => screen.getByRole('button', { name: 'locate' }).click());
      expect(screen.getByRole('alert').textContent).toBe(code);
      expect(screen.queryByText(/^at /)).toBeNull();
      cleanup();
    }
  });
});
