import { MockHostProvider } from '@cunmen/sdk/mock';
import { ThemeProvider } from '@cunmen/ui';
import type { Meta, StoryObj } from 'storybook-react-rsbuild';
import { FindMachineryPage } from './Page.js';

const meta: Meta<typeof FindMachineryPage> = {
  title: '@deqing/find-machinery/Page',
  component: FindMachineryPage,
};
export default meta;

type Story = StoryObj<typeof FindMachineryPage>;

export const Resident: Story = {
  render: () => (
    <MockHostProvider
      config={{ heading: '找农机', pageSize: 20 }}
      capabilities={['store.read', 'store.write']}
    >
      <ThemeProvider>
        <FindMachineryPage />
      </ThemeProvider>
    </MockHostProvider>
  ),
};

export const Elderly: Story = {
  render: () => (
    <MockHostProvider
      config={{ heading: '找农机', pageSize: 20 }}
      capabilities={['store.read', 'store.write']}
      elderly
    >
      <ThemeProvider elderly>
        <FindMachineryPage />
      </ThemeProvider>
    </MockHostProvider>
  ),
};
