import type { Meta, StoryObj } from 'storybook-react-rsbuild';
import { PhoneField } from './PhoneField.js';

const meta = {
  title: 'Forms/PhoneField',
  component: PhoneField,
  args: { label: '联系电话', hint: '只用于师傅联系您' },
} satisfies Meta<typeof PhoneField>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Basic: Story = {};
export const Filled: Story = { args: { defaultValue: '13800138000' } };
export const Required: Story = { args: { required: true } };
export const Invalid: Story = { args: { defaultValue: '1380013', error: '请输入 11 位手机号码' } };
export const WithLandline: Story = {
  args: { allowLandline: true, defaultValue: '05728012345', hint: '手机或带区号的固定电话' },
};
export const Disabled: Story = { args: { disabled: true, defaultValue: '13800138000' } };
