import type { Meta, StoryObj } from 'storybook-react-rsbuild';
import { StoryVillage } from '../stories-host.js';
import { PartyPage } from './Page.js';

const meta: Meta<typeof PartyPage> = { title: '@cunmen/party-building/Page', component: PartyPage };
export default meta;

type Story = StoryObj<typeof PartyPage>;

const at = (path: string, props: Omit<Parameters<typeof StoryVillage>[0], 'children'> = {}): Story => ({
  render: () => (
    <StoryVillage {...props}>
      <PartyPage path={path} />
    </StoryVillage>
  ),
});

export const Public = at('/', { account: null });
export const PublicElderly = at('/', { account: null, elderly: true });
export const MemberSide = at('/member');
export const MemberSideElderly = at('/member', { elderly: true });
export const SignedOut = at('/member', { account: null });
export const News = at('/posts/n-1');
