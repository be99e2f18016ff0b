import type { Meta, StoryObj } from 'storybook-react-rsbuild';
import { StoryVillage } from '../stories-host.js';
import { PointsCadre } from './Cadre.js';

const meta: Meta<typeof PointsCadre> = { title: '@cunmen/points/Cadre', component: PointsCadre };
export default meta;

type Story = StoryObj<typeof PointsCadre>;

const at = (path: string): Story => ({
  render: () => (
    <StoryVillage account="cadre">
      <PointsCadre path={path} />
    </StoryVillage>
  ),
});

export const Queue = at('/queue');
export const RuleBook = at('/rules');
export const Shop = at('/shop');
export const Export = at('/export');
