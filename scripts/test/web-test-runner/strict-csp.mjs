// @ts-check

/** The strict policy the library promises to run under; the CSP test page is served with it. */
export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'";

/**
 * Serves the pages below `prefix` with the strict policy as a real response header.
 * @param {string} [prefix]
 * @returns {import('@web/dev-server-core').Middleware}
 */
export const strictCsp =
  (prefix = '/packages/elements/test/csp/') =>
  async (context, next) => {
    await next();
    if (context.path.startsWith(prefix)) context.set('Content-Security-Policy', STRICT_CSP);
  };
