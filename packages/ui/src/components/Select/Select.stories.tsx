import type { Meta, StoryObj } from 'storybook-react-rsbuild';
import { Select } from './Select.js';

const groups = [
  { value: '1', label: '一组' },
  { value: '2', label: '二组' },
  { value: '3', label: '三组（河东）' },
  { value: '4', label: '四组', disabled: true },
];

const meta = {
  title: 'Forms/Select',
  component: Select,
  args: { label: '所在村民小组', options: groups },
} satisfies Meta<typeof Select>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Basic: Story = {};
export const Selected: Story = { args: { defaultValue: '2' } };
export const Required: Story = { args: { required: true, hint: '不知道可以问网格员' } };
export const Invalid: Story = { args: { required: true, error: '请选择村民小组' } };
export const Disabled: Story = { args: { disabled: true, defaultValue: '1' } };
