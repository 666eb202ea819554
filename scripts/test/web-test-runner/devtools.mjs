// @ts-check
// A DevTools protocol session per test page, kept open: what it emulates lasts as long as the session.

/** @type {WeakMap<object, Promise<import('puppeteer-core').CDPSession>>} */
const sessions = new WeakMap();

/**
 * The DevTools protocol session of the page a test runs in (Chrome launcher only).
 * @param {import('@web/test-runner-core').BasicTestSession} session
 * @returns {Promise<import('puppeteer-core').CDPSession>}
 */
export function devTools(session) {
  const launcher = /** @type {import('@web/test-runner-chrome').ChromeLauncher} */ (session.browser);
  const page = launcher.getPage(session.id);
  let client = sessions.get(page);
  if (!client) {
    client = page.createCDPSession();
    sessions.set(page, client);
  }
  return client;
}
