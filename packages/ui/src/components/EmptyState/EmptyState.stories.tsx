import type { Meta, StoryObj } from 'storybook-react-rsbuild';
import { Button } from '../Button/Button.js';
import { EmptyState } from './EmptyState.js';

const meta = {
  title: 'States/EmptyState',
  component: EmptyState,
} satisfies Meta<typeof EmptyState>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const WithDescription: Story = {
  args: { icon: 'inbox', title: '还没有预约', description: '预约后，师傅会在约定时间上门收运' },
};
export const WithAction: Story = {
  args: { icon: 'inbox', description: '还没有预约记录', action: <Button>去预约</Button> },
};
