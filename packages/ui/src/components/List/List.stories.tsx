import { fn } from 'storybook/test';
import type { Meta, StoryObj } from 'storybook-react-rsbuild';
import { Button } from '../Button/Button.js';
import { List, ListItem } from './List.js';

const meta = {
  title: 'Components/List',
  component: List,
} satisfies Meta<typeof List>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Basic: Story = {
  render: () => (
    <List label="通知">
      <ListItem title="停水通知" description="3 月 2 日 8:00 — 12:00 东河村一组" />
      <ListItem title="医保缴费提醒" description="请在 12 月 31 日前缴纳" />
      <ListItem title="村民大会" />
    </List>
  ),
};

export const WithActions: Story = {
  render: () => (
    <List label="附近农机">
      <ListItem
        icon="tractor"
        title="旋耕机"
        description="王师傅 · 2 公里 · 每亩 60 元"
        trailing={
          <Button variant="secondary" onClick={fn()}>
            预约
          </Button>
        }
      />
      <ListItem
        icon="wheat"
        title="收割机"
        description="李师傅 · 5 公里 · 每亩 80 元"
        trailing={
          <Button variant="secondary" onClick={fn()}>
            预约
          </Button>
        }
      />
    </List>
  ),
};

export const Links: Story = {
  render: () => (
    <List label="公开事项">
      <ListItem title="2025 年第一季度财务公开" description="村务监督委员会 · 4 月 8 日" href="#/affairs/1" />
      <ListItem title="低保评议结果" description="4 月 2 日" href="#/affairs/2" />
      <ListItem title="道路硬化工程招标" onClick={fn()} />
    </List>
  ),
};
