import { MockHostProvider } from '@cunmen/sdk/mock';
import { ThemeProvider } from '@cunmen/ui';
import type { Meta, StoryObj } from 'storybook-react-rsbuild';
import { TemplateWidgetPage } from './Page.js';

const meta: Meta<typeof TemplateWidgetPage> = {
  title: '__WIDGET_NAME__/Page',
  component: TemplateWidgetPage,
};
export default meta;

type Story = StoryObj<typeof TemplateWidgetPage>;

export const Resident: Story = {
  render: () => (
    <MockHostProvider
      config={{ heading: '__TITLE__', pageSize: 20 }}
      capabilities={['store.read', 'store.write']}
    >
      <ThemeProvider>
        <TemplateWidgetPage />
      </ThemeProvider>
    </MockHostProvider>
  ),
};

export const Elderly: Story = {
  render: () => (
    <MockHostProvider
      config={{ heading: '__TITLE__', pageSize: 20 }}
      capabilities={['store.read', 'store.write']}
      elderly
    >
      <ThemeProvider elderly>
        <TemplateWidgetPage />
      </ThemeProvider>
    </MockHostProvider>
  ),
};
