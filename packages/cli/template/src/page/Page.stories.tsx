import { MockHostProvider } from '@cunmen/sdk/mock';
import { ThemeProvider } from '@cunmen/ui';
import type { Meta, StoryObj } from 'storybook-react-rsbuild';
import { __COMPONENT__Page } from './Page.js';

const meta: Meta<typeof __COMPONENT__Page> = {
  title: '__WIDGET_NAME__/Page',
  component: __COMPONENT__Page,
};
export default meta;

type Story = StoryObj<typeof __COMPONENT__Page>;

export const Resident: Story = {
  render: () => (
    <MockHostProvider config={{ heading: '__TITLE__', pageSize: 20 }} capabilities={['store.read', 'store.write']}>
      <ThemeProvider>
        <__COMPONENT__Page />
      </ThemeProvider>
    </MockHostProvider>
  ),
};

export const Elderly: Story = {
  render: () => (
    <MockHostProvider config={{ heading: '__TITLE__', pageSize: 20 }} capabilities={['store.read', 'store.write']} elderly>
      <ThemeProvider elderly>
        <__COMPONENT__Page />
      </ThemeProvider>
    </MockHostProvider>
  ),
};
