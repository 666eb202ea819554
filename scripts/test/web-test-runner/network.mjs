// @ts-check
// Network conditions a test sets from the page: an outage, or a slow connection, for requests whose path
// contains one of the given parts. Both end with `{ paths: [] }`.
import { devTools } from './devtools.mjs';

/**
 * @typedef {{ outage: string[], slow: string[], slowMs: number }} Conditions
 * @typedef {{ paths?: string[], ms?: number }} Payload
 */

/**
 * Whether a request path meets one of the conditions' paths.
 * @param {readonly string[]} paths
 * @param {string} path
 */
export const affects = (paths, path) => paths.some((part) => path.includes(part));

/**
 * The commands and the dev-server middleware that applies what they set:
 *
 * - `executeServerCommand('network-outage', { paths })`: requests whose path contains one of `paths` fail as they
 *   would for a person who went offline after the page loaded.
 * - `executeServerCommand('slow-network', { paths, ms })`: those requests are answered `ms` later, as on a slow
 *   connection.
 */
export function networkConditions() {
  /** @type {Conditions} */
  const conditions = { outage: [], slow: [], slowMs: 0 };

  /**
   * @param {string} name
   * @param {(payload: Payload) => void} apply
   * @returns {import('@web/test-runner-core').TestRunnerPlugin<Payload>}
   */
  const command = (name, apply) => ({
    name,
    async executeCommand({ command, payload, session }) {
      if (command !== name) return undefined;
      apply(payload ?? {});
      // Files an earlier test page loaded would come from the browser's cache, never meeting the conditions.
      const client = await devTools(session);
      await client.send('Network.enable');
      await client.send('Network.setCacheDisabled', {
        cacheDisabled: conditions.outage.length + conditions.slow.length > 0,
      });
      return true;
    },
  });

  /** @type {import('@web/dev-server-core').Middleware} */
  const middleware = async (context, next) => {
    if (affects(conditions.slow, context.path)) await new Promise((resolve) => setTimeout(resolve, conditions.slowMs));
    if (affects(conditions.outage, context.path)) {
      // The connection drops, as it does offline (a 503 would get the dev server's year-long cache header).
      context.respond = false;
      context.req.socket.destroy();
      return;
    }
    await next();
  };

  return {
    conditions,
    middleware,
    plugins: [
      command('network-outage', ({ paths = [] }) => (conditions.outage = paths)),
      command('slow-network', ({ paths = [], ms = 0 }) => {
        conditions.slow = paths;
        conditions.slowMs = ms;
      }),
    ],
  };
}
