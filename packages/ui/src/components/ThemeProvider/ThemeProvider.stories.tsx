import type { Meta, StoryObj } from 'storybook-react-rsbuild';
import { Button } from '../Button/Button.js';
import { Card } from '../Card/Card.js';
import { ElderlyModeSwitch } from '../ElderlyModeSwitch/ElderlyModeSwitch.js';
import { LoadingState } from '../LoadingState/LoadingState.js';
import { Page } from '../Page/Page.js';
import { Tile } from '../Tile/Tile.js';
import { TileGrid } from '../Tile/TileGrid.js';
import { ThemeProvider } from './ThemeProvider.js';
import { useTheme } from './useTheme.js';

const meta = {
  title: 'Theme/ThemeProvider',
  component: ThemeProvider,
  parameters: { layout: 'fullscreen' },
} satisfies Meta<typeof ThemeProvider>;

export default meta;
type Story = StoryObj<typeof meta>;

function ThemeSummary() {
  const { elderly, locale, t } = useTheme();
  return (
    <Card title={elderly ? t('elderlyMode') : 'Cunmen'}>
      <p>
        {locale} · {t('loading')} · {t('retry')} · {t('empty')} · {t('submit')}
      </p>
    </Card>
  );
}

/** A whole home page in the toolbar's mode: switch, tiles, card, button. */
export const HomePage: Story = {
  render: () => (
    <Page title="东河村" actions={<ElderlyModeSwitch />}>
      <TileGrid label="服务" columns={3}>
        <Tile icon="flag" title="党建" href="#/party" />
        <Tile icon="document" title="三务公开" href="#/affairs" badge="新" badgeLabel="有新公开" />
        <Tile icon="star" title="积分制" href="#/points" />
        <Tile icon="phone" title="接诉即办" href="#/complaints" />
      </TileGrid>
      <ThemeSummary />
      <Button block>提交</Button>
    </Page>
  ),
};

/** A nested provider in English: the built-in strings follow its locale. */
export const English: Story = {
  render: () => (
    <ThemeProvider locale="en">
      <ThemeSummary />
      <LoadingState />
    </ThemeProvider>
  ),
};
