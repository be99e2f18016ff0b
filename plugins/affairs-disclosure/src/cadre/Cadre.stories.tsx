import { createMockHost, MockHostProvider } from '@cunmen/sdk/mock';
import { ThemeProvider } from '@cunmen/ui';
import { useState } from 'react';
import type { Meta, StoryObj } from 'storybook-react-rsbuild';
import { fixtureModule } from '../fixtures.js';
import { ItemPanel } from './ItemPanel.js';

const meta: Meta<typeof ItemPanel> = {
  title: '@cunmen/affairs-disclosure/Cadre review',
  component: ItemPanel,
};
export default meta;

type Story = StoryObj<typeof ItemPanel>;

/** What a 村务监督委员会 member sees on a submitted roster: the masked preview and 审核通过 / 退回修改. */
export const SupervisorReview: Story = {
  render: () => {
    const [host] = useState(() =>
      createMockHost({
        capabilities: ['module.api', 'user.read'],
        user: { id: 's1', displayName: '王*明', role: 'supervisor' },
        module: fixtureModule,
      }),
    );
    return (
      <MockHostProvider host={host}>
        <ThemeProvider>
          <ItemPanel
            id="11111111-1111-4111-8111-111111111111"
            onBack={() => {}}
            onEdit={() => {}}
            onOpen={() => {}}
          />
        </ThemeProvider>
      </MockHostProvider>
    );
  },
};
