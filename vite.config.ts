// `npm start`: the demo portal in demo/, served from the packages' TypeScript sources, with the reference
// backend mounted as middleware (codes are printed in this terminal).
import { defineConfig, type Plugin } from 'vite';
import { DEFAULT_POLICY } from '@security-info/core';
import { createSecurityInfoMiddleware } from '@security-info/server';

// The demo is for development: one demo user stands for a signed-in person, and codes are printed here.
const demoBackend = () =>
  createSecurityInfoMiddleware({
    development: true,
    authenticate: () => 'demo-user',
    basePath: '/api/security-info',
    policy: DEFAULT_POLICY,
  });

function securityInfoBackend(): Plugin {
  return {
    name: 'security-info-backend',
    configureServer(server) {
      server.middlewares.use(demoBackend());
    },
    configurePreviewServer(server) {
      server.middlewares.use(demoBackend());
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
