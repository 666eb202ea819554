// `npm start`: the demo portal in demo/, served from the packages' TypeScript sources, with the reference
// backend mounted as middleware (codes are printed in this terminal).
import { defineConfig, type Plugin } from 'vite';
import { DEFAULT_POLICY } from '@security-info/core';
import { createSecurityInfoMiddleware } from '@security-info/server';

function securityInfoBackend(): Plugin {
  return {
    name: 'security-info-backend',
    configureServer(server) {
      server.middlewares.use(createSecurityInfoMiddleware({ basePath: '/api/security-info', policy: DEFAULT_POLICY }));
    },
    configurePreviewServer(server) {
      server.middlewares.use(createSecurityInfoMiddleware({ basePath: '/api/security-info', policy: DEFAULT_POLICY }));
    },
  };
}

export default defineConfig({
  root: 'demo',
  resolve: { conditions: ['@security-info/source', 'browser', 'module', 'import', 'default'] },
  plugins: [securityInfoBackend()],
  server: { port: 5173, open: false },
  preview: { port: 4173 },
  build: { outDir: '../dist/demo', emptyOutDir: true },
});
