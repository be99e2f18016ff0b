import { fn } from 'storybook/test';
import type { Meta, StoryObj } from 'storybook-react-rsbuild';
import { ElderlyModeSwitch } from './ElderlyModeSwitch.js';

const meta = {
  title: 'Components/ElderlyModeSwitch',
  component: ElderlyModeSwitch,
} satisfies Meta<typeof ElderlyModeSwitch>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Drives the toolbar's 长辈版 global through the ThemeProvider. */
export const FollowsTheme: Story = {};
export const On: Story = { args: { checked: true, onChange: fn() } };
export const Off: Story = { args: { checked: false, onChange: fn() } };
