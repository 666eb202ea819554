import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { html } from 'lit';
import manifest from '../packages/elements/custom-elements.json';
import { setLocale } from '../packages/elements/src/shared/localization.js';
import { sourceLocale, targetLocales } from '../packages/elements/src/generated/locale-codes.js';
import './themes.css';

setCustomElementsManifest(manifest);

const RTL = new Set(['ar', 'he']);

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    controls: { expanded: true },
    a11y: { test: 'error' },
  },
  globalTypes: {
    locale: {
      description: 'Language of the elements',
      toolbar: { title: 'Locale', icon: 'globe', items: [sourceLocale, ...targetLocales], dynamicTitle: true },
    },
    direction: {
      description: 'Text direction (auto follows the locale)',
      toolbar: { title: 'Direction', icon: 'transfer', items: ['auto', 'ltr', 'rtl'], dynamicTitle: true },
    },
    theme: {
      description: 'Theme',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: ['light', 'dark', 'high-contrast', 'brand'],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: sourceLocale, direction: 'auto', theme: 'light' },
  decorators: [
    (story, context) => {
      const locale = String(context.globals.locale ?? sourceLocale);
      const direction = String(context.globals.direction ?? 'auto');
      const dir = direction === 'auto' ? (RTL.has(locale) ? 'rtl' : 'ltr') : direction;
      void setLocale(locale);
      return html`<div class="si-theme si-theme-${String(context.globals.theme ?? 'light')}" lang=${locale} dir=${dir}>
        ${story()}
      </div>`;
    },
  ],
};

export default preview;
