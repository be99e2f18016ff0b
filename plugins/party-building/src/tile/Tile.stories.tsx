import type { Meta, StoryObj } from 'storybook-react-rsbuild';
import { StoryVillage } from '../stories-host.js';
import { PartyTile } from './Tile.js';

const meta: Meta<typeof PartyTile> = { title: '@cunmen/party-building/Tile', component: PartyTile };
export default meta;

type Story = StoryObj<typeof PartyTile>;

export const Resident: Story = {
  render: () => (
    <StoryVillage>
      <PartyTile />
    </StoryVillage>
  ),
};
export const Elderly: Story = {
  render: () => (
    <StoryVillage elderly>
      <PartyTile />
    </StoryVillage>
  ),
};
