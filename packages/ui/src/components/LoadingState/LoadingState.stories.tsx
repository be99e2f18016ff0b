import type { Meta, StoryObj } from 'storybook-react-rsbuild';
import { LoadingState } from './LoadingState.js';

const meta = {
  title: 'States/LoadingState',
  component: LoadingState,
} satisfies Meta<typeof LoadingState>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const CustomLabel: Story = { args: { label: '正在查询附近农机…' } };
