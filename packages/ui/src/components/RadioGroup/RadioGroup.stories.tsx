import type { Meta, StoryObj } from 'storybook-react-rsbuild';
import { RadioGroup } from './RadioGroup.js';

const meta = {
  title: 'Forms/RadioGroup',
  component: RadioGroup,
  args: {
    label: '上门时间',
    options: [
      { value: 'am', label: '上午', description: '8:00 — 12:00' },
      { value: 'pm', label: '下午', description: '14:00 — 18:00' },
      { value: 'any', label: '都可以' },
    ],
  },
} satisfies Meta<typeof RadioGroup>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Basic: Story = {};
export const Selected: Story = { args: { defaultValue: 'pm' } };
export const Invalid: Story = {
  args: { required: true, error: '请选择上门时间', hint: '师傅会提前电话联系' },
};
export const DisabledOption: Story = {
  args: {
    options: [
      { value: 'am', label: '上午' },
      { value: 'pm', label: '下午（已约满）', disabled: true },
    ],
  },
};
export const Disabled: Story = { args: { disabled: true, defaultValue: 'am' } };
