/**
 * Every story renders inside a ThemeProvider driven by two toolbar globals: `elderly` (长辈版) and
 * `locale`. The stylesheet is linked once here, as a host would. In a URL:
 * `iframe.html?id=<id>&globals=elderly:!true` (booleans take a `!` prefix).
 */

import { useGlobals } from 'storybook/preview-api';
import type { Decorator, Preview } from 'storybook-react-rsbuild';
import '../src/styles.css';
import type { Locale } from '../src/i18n/messages.js';
import iconSprite from '../src/icons/sprite.svg?raw';
import { mountIconSprite, ThemeProvider } from '../src/index.js';

// As the shell does on a portal page: the icon drawings, once per document.
mountIconSprite(iconSprite);

const withTheme: Decorator = (Story, context) => {
  const [, updateGlobals] = useGlobals();
  const elderly = context.globals.elderly === true || context.globals.elderly === 'true';
  const locale: Locale = context.globals.locale === 'en' ? 'en' : 'zh-CN';
  return (
    <ThemeProvider
      elderly={elderly}
      locale={locale}
      onElderlyChange={(next) => updateGlobals({ elderly: next })}
    >
      <Story />
    </ThemeProvider>
  );
};

const preview: Preview = {
  globalTypes: {
    elderly: {
      description: '长辈版 (elderly mode)',
      toolbar: {
        title: '长辈版',
        icon: 'accessibility',
        items: [
          { value: false as unknown as string, title: '标准版' },
          { value: true as unknown as string, title: '长辈版' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Locale of the built-in strings',
      toolbar: {
        title: '语言',
        icon: 'globe',
        items: [
          { value: 'zh-CN', title: '中文' },
          { value: 'en', title: 'English' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { elderly: false, locale: 'zh-CN' },
  decorators: [withTheme],
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
  },
};

export default preview;
