import { createMockHost, MockHostProvider } from '@cunmen/sdk/mock';
import { ThemeProvider } from '@cunmen/ui';
import { useState } from 'react';
import type { Meta, StoryObj } from 'storybook-react-rsbuild';
import { fixtureModule } from '../fixtures.js';
import { AffairsPage } from './Page.js';

const meta: Meta<typeof AffairsPage> = {
  title: '@cunmen/affairs-disclosure/Page',
  component: AffairsPage,
};
export default meta;

type Story = StoryObj<typeof AffairsPage>;

function Village({ elderly = false }: { elderly?: boolean }) {
  const [host] = useState(() =>
    createMockHost({ capabilities: ['module.api', 'user.read'], elderly, module: fixtureModule }),
  );
  return (
    <MockHostProvider host={host}>
      <ThemeProvider elderly={elderly}>
        <AffairsPage path="/" />
      </ThemeProvider>
    </MockHostProvider>
  );
}

export const Resident: Story = { render: () => <Village /> };

export const Elderly: Story = { render: () => <Village elderly /> };
