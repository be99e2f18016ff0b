import { ICON_NAMES, ICONS } from '@cunmen/manifest';
import type { Meta, StoryObj } from 'storybook-react-rsbuild';
import { Icon } from './Icon.js';

const meta = {
  title: 'Components/Icon',
  component: Icon,
  args: { name: 'tractor' },
  argTypes: { name: { control: 'select', options: ICON_NAMES } },
} satisfies Meta<typeof Icon>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Decorative: Story = {};
export const WithLabel: Story = { args: { name: 'warning', label: '注意' } };

/** The whole set with each icon's name, as a manifest's `icon` field spells it. */
export const All: Story = {
  render: () => (
    <ul style={{ display: 'flex', flexWrap: 'wrap', listStyle: 'none', margin: 0, padding: 0 }}>
      {ICON_NAMES.map((name) => (
        <li key={name} style={{ width: '7em', margin: '0 0 1em', textAlign: 'center' }}>
          <span style={{ display: 'block', fontSize: '2em', color: 'var(--cm-color-primary)' }}>
            <Icon name={name} />
          </span>
          {ICONS[name]['zh-CN']}
          <br />
          <span lang="en">{name}</span>
        </li>
      ))}
    </ul>
  ),
};
