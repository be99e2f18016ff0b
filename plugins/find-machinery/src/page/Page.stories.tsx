import { createMockHost, MockHostProvider } from '@cunmen/sdk/mock';
import { ThemeProvider } from '@cunmen/ui';
import { useState } from 'react';
import type { Meta, StoryObj } from 'storybook-react-rsbuild';
import { config, owners } from '../test-data.js';
import { FindMachineryPage } from './Page.js';

const meta: Meta<typeof FindMachineryPage> = {
  title: '@deqing/find-machinery/Page',
  component: FindMachineryPage,
};
export default meta;

type Story = StoryObj<typeof FindMachineryPage>;

/** A mock village with three registered machines (one unavailable). */
function Village({ elderly = false, empty = false }: { elderly?: boolean; empty?: boolean }) {
  const [host] = useState(() => {
    const mock = createMockHost({ config, capabilities: ['store.read', 'store.write'], elderly });
    if (!empty) mock.seed('owners', owners);
    return mock;
  });
  return (
    <MockHostProvider host={host}>
      <ThemeProvider elderly={elderly}>
        <FindMachineryPage />
      </ThemeProvider>
    </MockHostProvider>
  );
}

export const Resident: Story = { render: () => <Village /> };

export const Elderly: Story = { render: () => <Village elderly /> };

export const Empty: Story = { render: () => <Village empty /> };
