import type { Meta, StoryObj } from 'storybook-react-rsbuild';
import { StoryVillage } from '../stories-host.js';
import { CASE_ID } from '../test-data.js';
import { ComplaintsPage } from './Page.js';

const meta: Meta<typeof ComplaintsPage> = {
  title: '@cunmen/complaints/Page',
  component: ComplaintsPage,
};
export default meta;

type Story = StoryObj<typeof ComplaintsPage>;

export const Home: Story = {
  render: () => (
    <StoryVillage>
      <ComplaintsPage path="/" />
    </StoryVillage>
  ),
};
export const Submit: Story = {
  render: () => (
    <StoryVillage>
      <ComplaintsPage path="/new" />
    </StoryVillage>
  ),
};
export const SubmitElderly: Story = {
  render: () => (
    <StoryVillage elderly>
      <ComplaintsPage path="/new" />
    </StoryVillage>
  ),
};
export const MyCases: Story = {
  render: () => (
    <StoryVillage>
      <ComplaintsPage path="/mine" />
    </StoryVillage>
  ),
};
export const RateAfterClose: Story = {
  render: () => (
    <StoryVillage elderly>
      <ComplaintsPage path={`/case/${CASE_ID}`} />
    </StoryVillage>
  ),
};
export const Board: Story = {
  render: () => (
    <StoryVillage anonymous>
      <ComplaintsPage path="/board" />
    </StoryVillage>
  ),
};
