import type { Meta, StoryObj } from 'storybook-react-rsbuild';
import { Button } from '../Button/Button.js';
import { Card } from './Card.js';

const meta = {
  title: 'Components/Card',
  component: Card,
  args: { title: '本周预约', children: <p>3 月 12 日（周三）上午 9:00 — 11:00，王师傅上门收运大件垃圾。</p> },
} satisfies Meta<typeof Card>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Basic: Story = {};
export const WithActions: Story = {
  args: {
    actions: (
      <>
        <Button>查看详情</Button>
        <Button variant="danger">取消预约</Button>
      </>
    ),
  },
};
export const WithoutTitle: Story = { args: { title: undefined } };
