import { fn } from 'storybook/test';
import type { Meta, StoryObj } from 'storybook-react-rsbuild';
import { Button } from './Button.js';

const meta = {
  title: 'Components/Button',
  component: Button,
  args: { children: '提交', onClick: fn() },
} satisfies Meta<typeof Button>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Primary: Story = { args: { variant: 'primary' } };
export const Secondary: Story = { args: { variant: 'secondary', children: '取消' } };
export const Danger: Story = { args: { variant: 'danger', children: '删除预约' } };
export const Loading: Story = { args: { loading: true, children: '提交中' } };
export const Disabled: Story = { args: { disabled: true } };
export const Block: Story = { args: { block: true, children: '立即预约上门收运' } };
export const LongLabel: Story = {
  args: { children: '确认提交本次垃圾分类上门预约申请，并同意村委会联系我' },
};
