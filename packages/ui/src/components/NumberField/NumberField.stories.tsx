import type { Meta, StoryObj } from 'storybook-react-rsbuild';
import { NumberField } from './NumberField.js';

const meta = {
  title: 'Forms/NumberField',
  component: NumberField,
  args: { label: '耕地面积', unit: '亩', min: 0, max: 500, defaultValue: 12 },
} satisfies Meta<typeof NumberField>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Basic: Story = {};
export const Decimal: Story = { args: { label: '重量', unit: '公斤', step: 0.5, defaultValue: 2.5 } };
export const WithoutStepper: Story = { args: { stepper: false, label: '人数', unit: '人', defaultValue: 3 } };
export const Invalid: Story = { args: { defaultValue: 600, error: '不能大于 500' } };
export const AtMinimum: Story = { args: { defaultValue: 0 } };
export const Disabled: Story = { args: { disabled: true } };
