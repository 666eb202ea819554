#!/usr/bin/env node
// `security-info-server`: the reference service, built into dist/ (see src/command/main.ts and docs/server.md).
try {
  await import('../dist/command/main.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('/dist/command/main.js')) throw error;
  process.stderr.write('security-info-server: not built: run `npm run build -w @security-info/server` first.\n');
  process.exit(1);
}
