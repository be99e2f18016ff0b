import { MockHostProvider } from '@cunmen/sdk/mock';
import { ThemeProvider } from '@cunmen/ui';
import type { Meta, StoryObj } from 'storybook-react-rsbuild';
import { WastePickupPage } from './Page.js';

const meta: Meta<typeof WastePickupPage> = {
  title: '@yiyuan/waste-pickup/Page',
  component: WastePickupPage,
};
export default meta;

type Story = StoryObj<typeof WastePickupPage>;

export const Resident: Story = {
  render: () => (
    <MockHostProvider
      config={{ heading: '垃圾分类预约', pageSize: 20 }}
      capabilities={['store.read', 'store.write']}
    >
      <ThemeProvider>
        <WastePickupPage />
      </ThemeProvider>
    </MockHostProvider>
  ),
};

export const Elderly: Story = {
  render: () => (
    <MockHostProvider
      config={{ heading: '垃圾分类预约', pageSize: 20 }}
      capabilities={['store.read', 'store.write']}
      elderly
    >
      <ThemeProvider elderly>
        <WastePickupPage />
      </ThemeProvider>
    </MockHostProvider>
  ),
};
