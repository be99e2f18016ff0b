import type { Meta, StoryObj } from 'storybook-react-rsbuild';
import { StoryVillage } from '../stories-host.js';
import { PointsPage } from './Page.js';

const meta: Meta<typeof PointsPage> = { title: '@cunmen/points/Page', component: PointsPage };
export default meta;

type Story = StoryObj<typeof PointsPage>;

const at = (path: string, props: Omit<Parameters<typeof StoryVillage>[0], 'children'> = {}): Story => ({
  render: () => (
    <StoryVillage {...props}>
      <PointsPage path={path} />
    </StoryVillage>
  ),
});

export const Home = at('/');
export const HomeElderly = at('/', { elderly: true });
export const Claim = at('/claim');
export const ClaimElderly = at('/claim', { elderly: true });
export const Shop = at('/shop');
export const Leaderboard = at('/board');
export const Visitor = at('/', { account: null });
export const MerchantCounter = at('/', { account: 'merchant' });
