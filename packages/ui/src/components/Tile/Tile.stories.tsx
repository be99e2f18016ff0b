import { fn } from 'storybook/test';
import type { Meta, StoryObj } from 'storybook-react-rsbuild';
import { Tile } from './Tile.js';
import { TileGrid } from './TileGrid.js';

const meta = {
  title: 'Components/Tile',
  component: Tile,
  args: { icon: 'tractor', title: '找农机', subtitle: '附近 12 台可约', onClick: fn() },
} satisfies Meta<typeof Tile>;

export default meta;
type Story = StoryObj<typeof meta>;

export const AsButton: Story = {};
export const AsLink: Story = { args: { href: '#/machines', onClick: undefined } };
export const WithBadge: Story = { args: { badge: 3, badgeLabel: '3 条新消息' } };
export const NoIcon: Story = { args: { icon: undefined, subtitle: undefined, title: '三务公开' } };

export const Grid: Story = {
  render: () => (
    <TileGrid label="服务">
      <Tile icon="flag" title="党建" subtitle="学习与活动" href="#/party" />
      <Tile
        icon="document"
        title="三务公开"
        subtitle="党务 村务 财务"
        href="#/affairs"
        badge="新"
        badgeLabel="有新公开"
      />
      <Tile icon="star" title="积分制" subtitle="我的积分 120" href="#/points" />
      <Tile
        icon="phone"
        title="接诉即办"
        subtitle="反映问题"
        href="#/complaints"
        badge={2}
        badgeLabel="2 条回复"
      />
      <Tile icon="recycle" title="垃圾分类预约" subtitle="上门收运" href="#/waste" />
      <Tile icon="health" title="健康小屋" href="#/health" />
    </TileGrid>
  ),
};

export const GridThreeColumns: Story = {
  render: () => (
    <TileGrid label="服务" columns={3}>
      <Tile icon="flag" title="党建" href="#/party" />
      <Tile icon="document" title="三务公开" href="#/affairs" />
      <Tile icon="star" title="积分制" href="#/points" />
      <Tile icon="phone" title="接诉即办" href="#/complaints" />
      <Tile icon="tractor" title="找农机" href="#/machines" />
    </TileGrid>
  ),
};
