// `npm start`: the demo portal in demo/, served from the packages' TypeScript sources.
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'demo',
  resolve: { conditions: ['@security-info/source', 'browser', 'module', 'import', 'default'] },
  server: { port: 5173, open: false },
  preview: { port: 4173 },
  build: { outDir: '../dist/demo', emptyOutDir: true },
});
