import { fn } from 'storybook/test';
import type { Meta, StoryObj } from 'storybook-react-rsbuild';
import { Button } from '../Button/Button.js';
import { Card } from '../Card/Card.js';
import { Page } from './Page.js';

const meta = {
  title: 'Components/Page',
  component: Page,
  parameters: { layout: 'fullscreen' },
  args: {
    title: '垃圾分类预约',
    children: (
      <>
        <Card title="下次收运">3 月 12 日（周三）上午</Card>
        <Button block>新的预约</Button>
      </>
    ),
  },
} satisfies Meta<typeof Page>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Basic: Story = {};
export const WithBack: Story = { args: { onBack: fn() } };
export const WithActions: Story = {
  args: {
    onBack: fn(),
    actions: <Button variant="secondary">记录</Button>,
  },
};
export const LongTitle: Story = {
  args: { onBack: fn(), title: '东河村二〇二五年度农村集体经济组织财务公开与惠农补贴发放明细' },
};
