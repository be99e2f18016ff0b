import type { Meta, StoryObj } from 'storybook-react-rsbuild';
import { StoryVillage } from '../stories-host.js';
import { PointsTile } from './Tile.js';

const meta: Meta<typeof PointsTile> = { title: '@cunmen/points/Tile', component: PointsTile };
export default meta;

type Story = StoryObj<typeof PointsTile>;

export const Resident: Story = {
  render: () => (
    <StoryVillage>
      <PointsTile />
    </StoryVillage>
  ),
};
export const Visitor: Story = {
  render: () => (
    <StoryVillage account={null}>
      <PointsTile />
    </StoryVillage>
  ),
};
export const Elderly: Story = {
  render: () => (
    <StoryVillage elderly>
      <PointsTile />
    </StoryVillage>
  ),
};
