import type { Meta, StoryObj } from 'storybook-react-rsbuild';
import { StoryVillage } from '../stories-host.js';
import { ComplaintsTile } from './Tile.js';

const meta: Meta<typeof ComplaintsTile> = {
  title: '@cunmen/complaints/Tile',
  component: ComplaintsTile,
};
export default meta;

type Story = StoryObj<typeof ComplaintsTile>;

export const Resident: Story = {
  render: () => (
    <StoryVillage>
      <ComplaintsTile />
    </StoryVillage>
  ),
};
export const Anonymous: Story = {
  render: () => (
    <StoryVillage anonymous>
      <ComplaintsTile />
    </StoryVillage>
  ),
};
export const Elderly: Story = {
  render: () => (
    <StoryVillage elderly>
      <ComplaintsTile />
    </StoryVillage>
  ),
};
