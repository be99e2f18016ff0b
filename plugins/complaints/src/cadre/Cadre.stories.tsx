import type { Meta, StoryObj } from 'storybook-react-rsbuild';
import { StoryVillage } from '../stories-host.js';
import { ComplaintsCadre } from './Cadre.js';

const meta: Meta<typeof ComplaintsCadre> = {
  title: '@cunmen/complaints/Cadre',
  component: ComplaintsCadre,
};
export default meta;

type Story = StoryObj<typeof ComplaintsCadre>;

export const Queue: Story = {
  render: () => (
    <StoryVillage account="cadre">
      <ComplaintsCadre path="/" />
    </StoryVillage>
  ),
};
export const Metrics: Story = {
  render: () => (
    <StoryVillage account="cadre">
      <ComplaintsCadre path="/metrics" />
    </StoryVillage>
  ),
};
