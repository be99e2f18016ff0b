import type { Capability } from '@cunmen/manifest';
import { createMockHost, MockHostProvider } from '@cunmen/sdk/mock';
import { ThemeProvider } from '@cunmen/ui';
import { useState } from 'react';
import type { Meta, StoryObj } from 'storybook-react-rsbuild';
import { config, residentCapabilities, sampleBookings } from '../test-data.js';
import { WastePickupPage } from './Page.js';

const meta: Meta<typeof WastePickupPage> = {
  title: '@yiyuan/waste-pickup/Page',
  component: WastePickupPage,
};
export default meta;

type Story = StoryObj<typeof WastePickupPage>;

/** A mock village where the signed-in resident already has two bookings. */
function Village({
  elderly = false,
  capabilities = residentCapabilities,
}: {
  elderly?: boolean;
  capabilities?: readonly Capability[];
}) {
  const [host] = useState(() => {
    const mock = createMockHost({ config, capabilities, elderly });
    mock.seed('bookings', sampleBookings());
    return mock;
  });
  return (
    <MockHostProvider host={host}>
      <ThemeProvider elderly={elderly}>
        <WastePickupPage />
      </ThemeProvider>
    </MockHostProvider>
  );
}

export const Resident: Story = { render: () => <Village /> };

export const Elderly: Story = { render: () => <Village elderly /> };

/** media.upload not granted: no photo field. */
export const WithoutPhotos: Story = {
  render: () => <Village capabilities={residentCapabilities.filter((c) => c !== 'media.upload')} />,
};
