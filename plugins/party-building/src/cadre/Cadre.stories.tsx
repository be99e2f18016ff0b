import type { Meta, StoryObj } from 'storybook-react-rsbuild';
import { StoryVillage } from '../stories-host.js';
import { PartyCadre } from './Cadre.js';

const meta: Meta<typeof PartyCadre> = { title: '@cunmen/party-building/Cadre', component: PartyCadre };
export default meta;

type Story = StoryObj<typeof PartyCadre>;

export const Branch: Story = {
  render: () => (
    <StoryVillage account="cadre">
      <PartyCadre path="/" />
    </StoryVillage>
  ),
};
