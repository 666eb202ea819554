import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

const TAGS = new Set([
  'security-info-methods',
  'security-info-wizard',
  'security-info-phone',
  'code-verify',
  'method-picker',
]);

export default defineConfig({
  base: './',
  // Tell Vue these tags are custom elements, not Vue components.
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => TAGS.has(tag) } } })],
  server: { proxy: { '/api': 'http://localhost:5173' } },
});
