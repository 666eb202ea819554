// @ts-check
import { forShipping, isShippedSource } from '../../build/ship.mjs';

/**
 * Serves the elements' sources as the package ships them (scripts/build/ship.mjs), so the browser tests run the
 * code users get: the transform's own tests are in scripts/build/, this is where its output is seen to behave.
 * @returns {import('@web/dev-server-core').Plugin}
 */
export function asShipped() {
  return {
    name: 'as-shipped',
    transform(context) {
      return isShippedSource(context.path) && typeof context.body === 'string'
        ? { body: forShipping(context.body, context.path) }
        : undefined;
    },
  };
}
