import { createMockHost, MockHostProvider } from '@cunmen/sdk/mock';
import { ThemeProvider } from '@cunmen/ui';
import { useState } from 'react';
import type { Meta, StoryObj } from 'storybook-react-rsbuild';
import { config, owners } from '../test-data.js';
import { FindMachineryAdmin } from './Admin.js';

const meta: Meta<typeof FindMachineryAdmin> = {
  title: '@deqing/find-machinery/Admin',
  component: FindMachineryAdmin,
};
export default meta;

type Story = StoryObj<typeof FindMachineryAdmin>;

function Village({ canWrite = true }: { canWrite?: boolean }) {
  const [host] = useState(() => {
    const mock = createMockHost({
      config,
      capabilities: canWrite ? ['store.read', 'store.write'] : ['store.read'],
      user: { id: 'cadre-1', displayName: '李*明', role: 'cadre' },
    });
    mock.seed('owners', owners);
    return mock;
  });
  return (
    <MockHostProvider host={host}>
      <ThemeProvider>
        <FindMachineryAdmin />
      </ThemeProvider>
    </MockHostProvider>
  );
}

export const Cadre: Story = { render: () => <Village /> };

/** store.write not granted: saving shows the UI kit's error state. */
export const WithoutWrite: Story = { render: () => <Village canWrite={false} /> };
