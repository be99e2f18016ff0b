import { createMockHost, MockHostProvider } from '@cunmen/sdk/mock';
import { ThemeProvider } from '@cunmen/ui';
import { useState } from 'react';
import type { Meta, StoryObj } from 'storybook-react-rsbuild';
import { config, sampleBookings } from '../test-data.js';
import { WastePickupAdmin } from './Admin.js';

const meta: Meta<typeof WastePickupAdmin> = {
  title: '@yiyuan/waste-pickup/Admin',
  component: WastePickupAdmin,
};
export default meta;

type Story = StoryObj<typeof WastePickupAdmin>;

function Village({ empty = false }: { empty?: boolean }) {
  const [host] = useState(() => {
    const mock = createMockHost({
      config,
      capabilities: ['store.read', 'store.write'],
      user: { id: 'cadre-1', displayName: '李*明', role: 'cadre' },
    });
    if (!empty) mock.seed('bookings', sampleBookings());
    return mock;
  });
  return (
    <MockHostProvider host={host}>
      <ThemeProvider>
        <WastePickupAdmin />
      </ThemeProvider>
    </MockHostProvider>
  );
}

export const Cadre: Story = { render: () => <Village /> };

export const NothingOpen: Story = { render: () => <Village empty /> };
