import { defineConfig } from 'vite';

// React 19 with the automatic JSX runtime; no plugin needed to build.
export default defineConfig({
  base: './',
  oxc: { jsx: { runtime: 'automatic' } },
  server: { proxy: { '/api': 'http://localhost:5173' } },
});
