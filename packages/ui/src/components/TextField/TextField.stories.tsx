import type { Meta, StoryObj } from 'storybook-react-rsbuild';
import { TextField } from './TextField.js';

const meta = {
  title: 'Forms/TextField',
  component: TextField,
  args: { label: '姓名' },
} satisfies Meta<typeof TextField>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Basic: Story = {};
export const WithHint: Story = { args: { hint: '请填写身份证上的姓名', placeholder: '例如：张三' } };
export const Required: Story = { args: { required: true } };
export const Invalid: Story = {
  args: { required: true, defaultValue: '', error: '请填写姓名', hint: '请填写身份证上的姓名' },
};
export const Disabled: Story = { args: { disabled: true, defaultValue: '张三' } };
