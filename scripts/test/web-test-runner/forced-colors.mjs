// @ts-check
import { devTools } from './devtools.mjs';

/**
 * `executeServerCommand('forced-colors', { active })`: Windows High Contrast as Chromium emulates it, through the
 * DevTools protocol (the media emulation of @web/test-runner-commands has no forced-colors).
 * @returns {import('@web/test-runner-core').TestRunnerPlugin<{ active?: boolean }>}
 */
export function forcedColorsCommand() {
  return {
    name: 'forced-colors',
    async executeCommand({ command, payload, session }) {
      if (command !== 'forced-colors') return undefined;
      await (
        await devTools(session)
      ).send('Emulation.setEmulatedMedia', {
        features: [{ name: 'forced-colors', value: payload?.active ? 'active' : 'none' }],
      });
      return true;
    },
  };
}
