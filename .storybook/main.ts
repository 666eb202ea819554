// Storybook for designers: every element and state, docs generated from the Custom Elements Manifest.
import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  docs: { defaultName: 'Docs' },
  async viteFinal(viteConfig) {
    // Stories run against the packages' TypeScript sources, as the tests do.
    viteConfig.resolve = {
      ...viteConfig.resolve,
      conditions: ['@security-info/source', 'browser', 'module', 'import', 'default'],
    };
    return viteConfig;
  },
};

export default config;
