import type { Meta, StoryObj } from 'storybook-react-rsbuild';
import { TextArea } from './TextArea.js';

const meta = {
  title: 'Forms/TextArea',
  component: TextArea,
  args: { label: '问题描述', maxLength: 200 },
} satisfies Meta<typeof TextArea>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Basic: Story = {};
export const WithText: Story = { args: { defaultValue: '村口路灯坏了三天了，晚上出行不方便。' } };
export const Invalid: Story = { args: { required: true, error: '请描述您遇到的问题' } };
export const WithoutCounter: Story = { args: { maxLength: undefined, hint: '可以写清楚时间和地点' } };
export const Disabled: Story = { args: { disabled: true, defaultValue: '已提交，等待处理' } };
