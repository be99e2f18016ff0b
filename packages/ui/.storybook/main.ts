/**
 * Storybook 10 on Rsbuild for @cunmen/ui. Every `*.stories.tsx` beside a component; no addons beyond
 * the core (toolbars, controls, actions, viewport); telemetry and update checks off so the build runs
 * offline.
 */
import { mergeRsbuildConfig } from '@rsbuild/core';
import { pluginReact } from '@rsbuild/plugin-react';
import type { StorybookConfig } from 'storybook-react-rsbuild';

const config: StorybookConfig = {
  stories: ['../src/**/*.stories.tsx'],
  addons: [],
  framework: { name: 'storybook-react-rsbuild', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  typescript: { reactDocgen: false },
  // The automatic JSX runtime (no `import React`), as tsconfig's `jsx: react-jsx`.
  rsbuildFinal: (config) => mergeRsbuildConfig(config, { plugins: [pluginReact()] }),
};

export default config;
